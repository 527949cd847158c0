import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { WorkfrontClient } from "@/lib/workfront";
import { displayLicenceLabels, licenceLabel } from "./licence-labels";

/** A client whose fact reads answer, hang or fail, as the test says before each load. */
function labelsClient() {
  let next: "answer" | "hold" | "fail" = "answer";
  const client = {
    getCurrentUser: async () => {
      const mode = next;
      if (mode === "hold") await new Promise(() => undefined);
      if (mode === "fail") throw new Error("down");
      return { id: "1".repeat(32) };
    },
    getCustomer: async () => ({ id: "c", name: null, adminUserId: null }),
    userMetadata: async () => ({ licenseTypes: [{ value: "REQUESTOR", label: "Contributor" }] }),
  } as unknown as WorkfrontClient;
  return { client, nextLoad: (mode: "answer" | "hold" | "fail") => (next = mode) };
}

/** What a promise has settled to after pending callbacks ran; "pending" if it has not. */
async function settled<T>(promise: Promise<T>): Promise<T | "pending"> {
  let value: T | "pending" = "pending";
  void promise.then((v) => (value = v));
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
  return value;
}

describe("displayLicenceLabels", () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date("2026-12-06T10:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  it("answers the tenant's labels and leaves no timer behind", async () => {
    const fake = labelsClient();
    expect(await displayLicenceLabels(fake.client)).toEqual(new Map([["REQUESTOR", "Contributor"]]));
    expect(vi.getTimerCount()).toBe(0);
  });

  it("answers no labels when Workfront fails", async () => {
    const fake = labelsClient();
    fake.nextLoad("fail");
    expect(await displayLicenceLabels(fake.client)).toEqual(new Map());
  });

  it("answers no labels once the wait runs out", async () => {
    const fake = labelsClient();
    fake.nextLoad("hold");
    const labels = displayLicenceLabels(fake.client, 1_000);
    expect(await settled(labels)).toBe("pending");
    await vi.advanceTimersByTimeAsync(999);
    expect(await settled(labels)).toBe("pending");
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(labels)).toEqual(new Map());
  });

  it("answers hours-old labels at once while fresh ones load", async () => {
    const fake = labelsClient();
    await displayLicenceLabels(fake.client);
    vi.advanceTimersByTime(3 * 60 * 60_000);
    fake.nextLoad("hold");
    expect(await settled(displayLicenceLabels(fake.client, 1_000))).toEqual(new Map([["REQUESTOR", "Contributor"]]));
  });
});

describe("licenceLabel", () => {
  it("names a known code, shows an unknown one, and nothing for none", () => {
    const labels = new Map([["REQUESTOR", "Contributor"]]);
    expect([licenceLabel(labels, "REQUESTOR"), licenceLabel(labels, "PLANNER"), licenceLabel(labels, null)]).toEqual(["Contributor", "PLANNER", null]);
  });
});
