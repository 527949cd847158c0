import type { APIRequestContext } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { expect, test } from "./support/fixtures";
import { emulatorUrl } from "./support/servers";

/**
 * Who may act on bulk jobs, over HTTP against next start: a viewer may read jobs but gets 403 on
 * every job action, and an operator gets 403 over_hard_cap above BULK_HARD_CAP (2,000). Nothing is
 * created, and the refusals ask Workfront nothing. The IDs are made up: the refusals come before any lookup.
 */
const ids = (count: number) => Array.from({ length: count }, (_, i) => i.toString(16).padStart(32, "0"));

async function state(request: APIRequestContext) {
  const jobs = ((await (await request.get("/api/jobs?pageSize=25")).json()) as { total: number }).total;
  const workfront = ((await (await request.get(`${emulatorUrl}/__emulator/stats`)).json()) as { total: number }).total;
  return { jobs, workfront };
}

test.describe("as a viewer", () => {
  test.use({ role: "viewer" });

  test("every job action answers 403 forbidden, and nothing happens", async ({ usersPage }) => {
    const request = usersPage.page.request;
    expect((await request.get("/api/jobs?pageSize=25")).status()).toBe(200);
    const before = await state(request);
    const job = randomUUID();
    const actions: [string, object][] = [
      ["/api/jobs", { kind: "deactivate", userIds: ids(2), reason: "Team closed" }],
      ["/api/jobs", { kind: "deactivate", userIds: ids(2), reason: "Team closed", dryRun: true }],
      [`/api/jobs/${job}/cancel`, {}],
      [`/api/jobs/${job}/retry`, {}],
      [`/api/jobs/${job}/resume`, {}],
      [`/api/jobs/${job}/undo`, { reason: "Mistake" }],
    ];
    for (const [path, data] of actions) {
      const response = await request.post(path, { data });
      expect(response.status(), path).toBe(403);
      expect((await response.json()).error.code, path).toBe("forbidden");
    }
    expect(await state(request)).toEqual(before);
  });
});

test.describe("as an operator", () => {
  test("a job above the hard cap answers 403 over_hard_cap with the count typed, and nothing is created", async ({ usersPage }) => {
    const request = usersPage.page.request;
    const data = { kind: "deactivate", userIds: ids(2_001), reason: "Site closed", confirmCount: 2_001 };
    const before = await state(request);
    const response = await request.post("/api/jobs", { data });
    expect(response.status()).toBe(403);
    expect((await response.json()).error.code).toBe("over_hard_cap");
    expect(await state(request)).toEqual(before);
    // The dry run says the same before anyone confirms (it reads who they are, and stores nothing).
    const preview = await request.post("/api/jobs", { data: { ...data, dryRun: true } });
    expect(preview.status()).toBe(200);
    expect((await preview.json()).rules).toMatchObject({ overHardCap: true, roleAllowed: false, problem: { code: "over_hard_cap" } });
    expect((await state(request)).jobs).toBe(before.jobs);
  });
});
