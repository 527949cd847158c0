import { expect, test } from "./support/fixtures";

/**
 * One action per person at a time, over HTTP against next start (issue 12): ten operators'
 * requests to deactivate the same person at once change Workfront once, and the audit log says so:
 * one `succeeded` row, and nine `already`, each of which read the person after the change.
 */
test("ten concurrent deactivations of one person: one succeeded audit row, nine already", async ({ usersPage, people }) => {
  const request = usersPage.page.request;
  const [person] = people.active(1);
  const mark = `concurrent-${Date.now()}`;
  const answers = await Promise.all(
    Array.from({ length: 10 }, () =>
      request.post(`/api/users/${person!.id}/deactivate`, { data: { reason: mark } }),
    ),
  );
  expect(answers.map((answer) => answer.status())).toEqual(Array(10).fill(200));
  for (const answer of answers) expect((await answer.json()).user.isActive).toBe(false);

  const audit = await (await request.get(`/api/audit?${new URLSearchParams({ target: person!.id, pageSize: "100" })}`)).json();
  const rows = (audit.rows as { reason: string; outcome: string; isActiveBefore: boolean }[]).filter((row) => row.reason === mark);
  expect(rows.map((row) => row.outcome).sort()).toEqual(["already", ...Array(8).fill("already"), "succeeded"].sort());
  expect(rows.filter((row) => row.outcome === "already").every((row) => row.isActiveBefore === false)).toBe(true);

  // Put the person back for a re-run.
  const back = await request.post(`/api/users/${person!.id}/reactivate`, { data: { reason: `${mark} undo` } });
  expect(back.status()).toBe(200);
});
