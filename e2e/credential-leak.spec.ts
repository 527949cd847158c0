import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "./support/fixtures";
import { e2eApiKey } from "./support/servers";

/**
 * The Workfront credential never reaches a browser. The app was built with the key in its
 * environment (e2e/support/build.ts) and runs with it, so a leak anywhere would show here.
 */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test("no file under .next/static holds the credential", () => {
  const files = filesUnder(".next/static");
  expect(files.length).toBeGreaterThan(10);
  const leaking = files.filter((file) => readFileSync(file).includes(e2eApiKey));
  expect(leaking).toEqual([]);
});

test("no page and no API response holds the credential", async ({ usersPage }) => {
  const request = usersPage.page.request;
  const users = await (await request.get("/api/users?pageSize=25")).json();
  const id: string = users.users[0].id;
  // A real write, so the audit log and its export have content to leak through.
  const deactivated = await request.post(`/api/users/${id}/deactivate`, { data: { reason: "Leak test", ticket: "SEC-1" } });
  expect(deactivated.status()).toBe(200);

  const urls = [
    "/users",
    "/users?status=deactivated",
    "/audit",
    "/sign-in",
    "/api/health",
    "/api/users?status=all&pageSize=200",
    "/api/users/counts",
    `/api/users/${id}`,
    "/api/audit",
    "/api/audit?format=csv",
    "/api/auth/session",
    "/api/no-such-route",
  ];
  const bodies = [await deactivated.text()];
  for (const url of urls) {
    const response = await request.get(url);
    expect(response.status(), url).toBeLessThan(500);
    bodies.push(`${JSON.stringify(response.headers())}\n${await response.text()}`);
  }
  const pageContent = await usersPage.page.content();
  for (const body of [...bodies, pageContent]) expect(body).not.toContain(e2eApiKey);
  // The app did talk to Workfront with that key: the list above came from it.
  expect(users.users).toHaveLength(25);
  await request.post(`/api/users/${id}/reactivate`, { data: { reason: "Leak test done" } });
});
