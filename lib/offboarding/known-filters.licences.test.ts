import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/http/errors";
import { assertKnownFilters } from "./known-filters";
import { fakeUsersClient } from "./test-users-client";

const licenseTypes = [
  { value: "FULL", label: "Standard" },
  { value: "LIMITED", label: "Light" },
];

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => "accepted",
    (error: unknown) =>
      error instanceof ApiError ? { status: error.status, code: error.code, message: error.message } : error,
  );
}

describe("assertKnownFilters", () => {
  afterEach(() => vi.useRealTimers());

  it("accepts no licence filter without asking Workfront anything", async () => {
    const fake = fakeUsersClient([], { licenseTypes });
    await expect(assertKnownFilters({ client: fake.client }, { license: [] })).resolves.toBeUndefined();
    expect(fake.factLoads()).toBe(0);
  });

  it("accepts licence types the tenant has", async () => {
    const fake = fakeUsersClient([], { licenseTypes });
    expect(await refusal(assertKnownFilters({ client: fake.client }, { license: ["LIMITED", "FULL"] }))).toBe(
      "accepted",
    );
    expect(fake.factLoads()).toBe(1);
  });

  it("refuses (400) a licence type the tenant does not have, naming the unknown ones and the known ones", async () => {
    const fake = fakeUsersClient([], { licenseTypes });
    expect(
      await refusal(assertKnownFilters({ client: fake.client }, { license: ["FULL", "REVIEW", "TYPO"] })),
    ).toEqual({
      status: 400,
      code: "invalid_request",
      message: "license: unknown licence type REVIEW, TYPO (known: FULL, LIMITED)",
    });
  });

  it("checks against the last known licence types while fresh facts load, without waiting for Workfront", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-06T10:00:00Z"), toFake: ["Date"] });
    const fake = fakeUsersClient([], { licenseTypes });
    await assertKnownFilters({ client: fake.client }, { license: ["FULL"] });
    vi.setSystemTime(new Date("2026-12-06T10:11:00Z"));
    const release = fake.holdNextFactLoad();
    const check = assertKnownFilters({ client: fake.client }, { license: ["FULL"] }).then(() => "accepted");
    const waited = new Promise((resolve) => setImmediate(() => resolve("waited for Workfront")));
    expect(await Promise.race([check, waited])).toBe("accepted");
    release();
    await check;
  });
});
