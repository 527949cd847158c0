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

test("GET /api/users/counts counts active and deactivated users matching a search", async ({ usersPage }) => {
  const all = await (await usersPage.page.request.get("/api/users/counts")).json();
  const some = await (await usersPage.page.request.get("/api/users/counts?q=an")).json();
  expect(all.active).toBeGreaterThan(some.active);
  expect(all.deactivated).toBeGreaterThanOrEqual(some.deactivated);
});
