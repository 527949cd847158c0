import type { UserCounts, UserListPage } from "@/lib/offboarding/user-dto";
import { expect, test } from "./support/fixtures";
import { e2eApiKey } from "./support/servers";

/** The users API as scripts and the table call it (moved here from the first home-page spec). */

test("GET /api/users answers 401 without a session", async ({ request }) => {
  const response = await request.get("/api/users");
  expect(response.status()).toBe(401);
  expect((await response.json()).error.code).toBe("unauthenticated");
});

test("GET /api/users answers one page of users and never the credential", async ({ usersPage }) => {
  const response = await usersPage.page.request.get("/api/users?status=deactivated&pageSize=50&sort=deactivated&dir=desc");
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).not.toContain(e2eApiKey);
  const body = JSON.parse(text);
  expect(body.users).toHaveLength(50);
  expect(body.users.every((user: { isActive: boolean }) => !user.isActive)).toBe(true);
  const dates = body.users.map((user: { deactivatedAt: string }) => user.deactivatedAt);
  expect(dates).toEqual([...dates].sort().reverse());
});

test("GET /api/users refuses a bad query with a clear 400", async ({ usersPage }) => {
  const response = await usersPage.page.request.get("/api/users?pageSize=7&status=gone");
  expect(response.status()).toBe(400);
  const body = await response.json();
  expect(body.error.code).toBe("invalid_request");
  expect(body.error.message).toMatch(/pageSize/);
  expect(body.error.message).toMatch(/status/);
});

test("GET /api/users/counts counts active and deactivated users matching a search", async ({ usersPage, people }) => {
  const request = usersPage.page.request;
  const counts = async (q: string) => (await (await request.get(`/api/users/counts?${new URLSearchParams({ q })}`)).json()) as UserCounts;
  const listed = async (status: string, q: string) =>
    ((await (await request.get(`/api/users?${new URLSearchParams({ status, q, pageSize: "25" })}`)).json()) as UserListPage).total;

  // One person by their unique e-mail: counted once, under their status.
  const [active] = people.active(1);
  const [deactivated] = people.deactivated(1);
  expect(await counts(active!.email!)).toEqual({ active: 1, deactivated: 0 });
  expect(await counts(deactivated!.email!)).toEqual({ active: 0, deactivated: 1 });

  // A search narrows both counts, and each equals the total of the list for the same search.
  const all = await counts("");
  const some = await counts("an");
  expect(some.active).toBeGreaterThan(0);
  expect(some.deactivated).toBeGreaterThan(0);
  expect(all.active).toBeGreaterThan(some.active);
  expect(all.deactivated).toBeGreaterThan(some.deactivated);
  expect(some).toEqual({ active: await listed("active", "an"), deactivated: await listed("deactivated", "an") });
  expect(all).toEqual({ active: await listed("active", ""), deactivated: await listed("deactivated", "") });
});
