import { describe, expect, it } from "vitest";
import { benchJob } from "./bulk-job";

describe("the job contender of the bulk-deactivation benchmark", () => {
  it("deactivates every target through the job engine in its own process, verified in the emulator", async () => {
    const result = await benchJob({ users: 30, tenantUsers: 300 });
    expect(result).toMatchObject({
      users: 30,
      deactivated: 30,
      failed: 0,
      verifiedInactive: 30,
      throttleErrorsLeftUnretried: 0,
      errors: [],
    });
    // One chunk: a /batch read and a /batch write (plus the tenant facts the protections need).
    expect(result.requests).toBeLessThanOrEqual(6);
    expect(result.peakRssBytes).toBeGreaterThan(0);
  }, 60_000);
});
