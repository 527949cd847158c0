import { afterEach, beforeEach, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db";
import type { Account } from "./accounts";
import { RECENT_ACCOUNT_MS, findRecentAccount as find, forgetRecentAccount } from "./recent-accounts";

const lookups: string[] = [];
const lookup = async (_db: Database, id: string) => {
  lookups.push(id);
  return { id, email: `${id}@example.com`, disabled: false } as Account;
};
const findRecentAccount = (db: Database, id: string) => find(db, id, lookup);

// Only its identity matters here: the lookup itself is the mock above.
const newDb = () => ({}) as Database;

beforeEach(() => {
  lookups.length = 0;
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

it("reads an account once per RECENT_ACCOUNT_MS", async () => {
  const db = newDb();
  await findRecentAccount(db, "a");
  vi.advanceTimersByTime(RECENT_ACCOUNT_MS - 1);
  expect((await findRecentAccount(db, "a"))?.id).toBe("a");
  expect(lookups).toEqual(["a"]);
  vi.advanceTimersByTime(1);
  await findRecentAccount(db, "a");
  expect(lookups).toEqual(["a", "a"]);
});

it("keeps each database's accounts apart", async () => {
  await findRecentAccount(newDb(), "a");
  await findRecentAccount(newDb(), "a");
  expect(lookups).toEqual(["a", "a"]);
});

it("remembers at most 1,000 accounts, forgetting the one read longest ago", async () => {
  const db = newDb();
  for (let i = 0; i <= 1_000; i++) await findRecentAccount(db, `id-${i}`);
  lookups.length = 0;
  await findRecentAccount(db, "id-1000");
  await findRecentAccount(db, "id-1");
  expect(lookups).toEqual([]);
  await findRecentAccount(db, "id-0");
  expect(lookups).toEqual(["id-0"]);
});

it("forgets an account the moment this process changes it", async () => {
  const db = newDb();
  await findRecentAccount(db, "a");
  forgetRecentAccount(db, "a");
  await findRecentAccount(db, "a");
  expect(lookups).toEqual(["a", "a"]);
});
