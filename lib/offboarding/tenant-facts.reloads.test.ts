import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { WorkfrontClient } from "@/lib/workfront";
import { tenantFacts } from "./tenant-facts";

/** A client answering the fact reads; each load can be held open or made to fail. */
function factsClient() {
  let loads = 0;
  let next: "answer" | "hold" | "fail" = "answer";
  let admin = "a".repeat(32);
  const client = {
    getCurrentUser: async () => {
      loads += 1;
      const mode = next;
      if (mode === "hold") await new Promise(() => undefined);
      if (mode === "fail") throw new Error("down");
      return { id: "1".repeat(32) };
    },
    getCustomer: async () => ({ id: "c", name: null, adminUserId: admin }),
    userMetadata: async () => ({
      licenseTypes: [
        { value: "FULL", label: "Standard" },
        { value: "REQUESTOR", label: "Contributor" },
      ],
    }),
  } as unknown as WorkfrontClient;
  return {
    client,
    loads: () => loads,
    nextLoad: (mode: "answer" | "hold" | "fail") => (next = mode),
    changeAdmin: (id: string) => (admin = id),
  };
}

/** What a promise has settled to after pending callbacks ran; "pending" if it has not. */
async function settled<T>(promise: Promise<T>): Promise<T | "pending"> {
  let value: T | "pending" = "pending";
  void promise.then((v) => (value = v), () => undefined);
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
  return value;
}

describe("tenantFacts reloading", () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date("2026-12-06T10:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  it("answers the tenant's licence labels", async () => {
    const fake = factsClient();
    expect(await tenantFacts(fake.client)).toEqual({
      integrationUserId: "1".repeat(32),
      mainAdminId: "a".repeat(32),
      licenseLabels: new Map([
        ["FULL", "Standard"],
        ["REQUESTOR", "Contributor"],
      ]),
    });
  });

  it("reloads facts exactly ten minutes old", async () => {
    const fake = factsClient();
    await tenantFacts(fake.client);
    vi.advanceTimersByTime(10 * 60_000);
    fake.changeAdmin("b".repeat(32));
    expect((await tenantFacts(fake.client)).mainAdminId).toBe("b".repeat(32));
    expect(fake.loads()).toBe(2);
  });

  it("keeps answering lists the last facts while one reload runs", async () => {
    const fake = factsClient();
    const first = await tenantFacts(fake.client);
    vi.advanceTimersByTime(11 * 60_000);
    fake.nextLoad("hold");
    expect(await settled(tenantFacts(fake.client, { stale: "display" }))).toBe(first);
    expect(await settled(tenantFacts(fake.client, { stale: "display" }))).toBe(first);
    expect(fake.loads()).toBe(2);
  });

  it("after a failed reload, lists still get the last facts and a decision loads again", async () => {
    const fake = factsClient();
    const first = await tenantFacts(fake.client);
    vi.advanceTimersByTime(11 * 60_000);
    fake.nextLoad("fail");
    expect(await settled(tenantFacts(fake.client, { stale: "display" }))).toBe(first);
    fake.nextLoad("hold");
    expect(await settled(tenantFacts(fake.client, { stale: "display" }))).toBe(first);
    expect(fake.loads()).toBe(3);
  });

  it("a decision after a failed background reload gets fresh facts", async () => {
    const fake = factsClient();
    await tenantFacts(fake.client);
    vi.advanceTimersByTime(11 * 60_000);
    fake.nextLoad("fail");
    await settled(tenantFacts(fake.client, { stale: "display" }));
    fake.nextLoad("answer");
    fake.changeAdmin("b".repeat(32));
    expect((await tenantFacts(fake.client)).mainAdminId).toBe("b".repeat(32));
  });

  it("does not answer lists with facts a day old", async () => {
    const fake = factsClient();
    await tenantFacts(fake.client);
    vi.advanceTimersByTime(24 * 60 * 60_000);
    fake.nextLoad("hold");
    expect(await settled(tenantFacts(fake.client, { stale: "display" }))).toBe("pending");
  });
});
