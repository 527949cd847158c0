import type { UserListPage } from "@/lib/offboarding/user-dto";
import { fold } from "@/lib/user-index/fold";
import { expect, test } from "./support/fixtures";

/**
 * Sorting as HR reads names (issue 14, item 9), done by the users index: accents sort with their
 * letters ("Adrián Álvarez" before "Adrián Ruiz"), and "never signed in" is the oldest last login.
 * Reads only.
 */

/**
 * A name as a reader compares it: case, accents and punctuation aside, word by word ("Jörg Z…"
 * before "Jörgen"), letters such as Æ and ß spelled out (the index's own folding).
 */
const plain = (name: string) => fold(name);

test("names sort with accents beside their letters, on the page and in the API", async ({ usersPage, page }) => {
  const response = await page.request.get("/api/users?status=all&sort=name&dir=asc&pageSize=200");
  const { users } = (await response.json()) as UserListPage;
  const accented = users.filter((user) => /\p{M}/u.test(user.name.normalize("NFD")));
  expect(accented.length, "the seeded tenant has accented names").toBeGreaterThan(0);
  // An accented initial sorts among its plain letter, not after "z".
  const first = users.findIndex((user) => /^\p{Lu}\p{M}/u.test(user.name.normalize("NFD")));
  expect(first, "some name starts with an accented capital").toBeGreaterThanOrEqual(0);
  expect(fold(users[first]!.name)[0]).toMatch(/[a-z]/);
  for (let index = 1; index < users.length; index++) {
    const [before, after] = [users[index - 1]!.name, users[index]!.name];
    expect(plain(before) <= plain(after), `${before} before ${after}`).toBe(true);
  }

  await page.goto("/users?status=all&sort=name&dir=asc&pageSize=200");
  await expect(usersPage.table).toHaveAttribute("aria-busy", "false", { timeout: 20_000 });
  const names = await usersPage.names();
  expect(names.map((name) => name.trim())).toEqual(users.map((user) => user.name));
});

test("never signed in sorts as the oldest last login", async ({ usersPage, page }) => {
  const { users } = (await (await page.request.get("/api/users?status=all&sort=lastLogin&dir=asc&pageSize=200")).json()) as UserListPage;
  const never = users.filter((user) => user.lastLoginAt === null).length;
  expect(never, "the seeded tenant has people who never signed in").toBeGreaterThan(0);
  expect(users.slice(0, never).every((user) => user.lastLoginAt === null)).toBe(true);
  const times = users.slice(never).map((user) => Date.parse(user.lastLoginAt!));
  expect([...times].sort((a, b) => a - b)).toEqual(times);

  await page.goto("/users?status=all&sort=lastLogin&dir=asc");
  await expect(usersPage.table).toHaveAttribute("aria-busy", "false", { timeout: 20_000 });
  await expect(usersPage.rows.first()).toContainText("Never");
});
