import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { WorkfrontClient } from "@/lib/workfront";
import { tenantFacts } from "./tenant-facts";

/** A client that answers the three fact reads, slowly when told to, counting loads. */
function factsClient() {
  let loads = 0;
  let gate: Promise<void> = Promise.resolve();
  let admin = "a".repeat(32);
  const client = {
    getCurrentUser: async () => {
      loads += 1;
      await gate;
      return { id: "1".repeat(32) };
    },
    getCustomer: async () => ({ id: "c", name: null, adminUserId: admin }),
    userMetadata: async () => ({ licenseTypes: [{ value: "FULL", label: "Standard" }] }),
  } as unknown as WorkfrontClient;
  return {
    client,
    loads: () => loads,
    holdNextLoad: () => {
      let open!: () => void;
      gate = new Promise((resolve) => (open = resolve));
      return () => open();
    },
    changeAdmin: (id: string) => (admin = id),
  };
}

describe("tenantFacts", () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date("2026-12-06T10:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  it("loads once for concurrent callers and keeps the facts ten minutes", async () => {
    const fake = factsClient();
    const [a, b] = await Promise.all([tenantFacts(fake.client), tenantFacts(fake.client)]);
    expect(a).toBe(b);
    vi.advanceTimersByTime(9 * 60_000);
    await tenantFacts(fake.client);
    expect(fake.loads()).toBe(1);
    vi.advanceTimersByTime(2 * 60_000);
    await tenantFacts(fake.client);
    expect(fake.loads()).toBe(2);
  });

  it("answers lists with the last facts at once while fresh ones load; decisions wait for them", async () => {
    const fake = factsClient();
    const first = await tenantFacts(fake.client);
    vi.advanceTimersByTime(11 * 60_000);
    fake.changeAdmin("b".repeat(32));
    const release = fake.holdNextLoad();
    expect(await tenantFacts(fake.client, { stale: "display" })).toBe(first);
    let decided = false;
    const forDecision = tenantFacts(fake.client).then((facts) => ((decided = true), facts));
    await Promise.resolve();
    expect(decided).toBe(false);
    release();
    expect((await forDecision).mainAdminId).toBe("b".repeat(32));
    expect(fake.loads()).toBe(2);
    expect((await tenantFacts(fake.client, { stale: "display" })).mainAdminId).toBe("b".repeat(32));
  });

  it("does not keep a failed load", async () => {
    const fake = factsClient();
    const failing = { ...fake.client, getCustomer: async () => Promise.reject(new Error("down")) } as WorkfrontClient;
    await expect(tenantFacts(failing)).rejects.toThrow("down");
    (failing as { getCustomer: unknown }).getCustomer = fake.client.getCustomer;
    expect((await tenantFacts(failing)).mainAdminId).toBe("a".repeat(32));
  });
});
