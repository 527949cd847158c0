import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  type UserOutcome,
  benchDocumentedPut,
  benchWorkfrontApiPackage,
  measureBulkDeactivation,
} from "./bulk-baselines";

// Small runs: 300-user tenants, a handful of users, still at 100 ms a request.
const small = { users: 4, tenantUsers: 300 };

const hasWorkfrontApi = (() => {
  try {
    createRequire(__filename).resolve("workfront-api");
    return true;
  } catch {
    return false;
  }
})();

describe("bulk-deactivation baselines", () => {
  it("(a) deactivates with Adobe's documented PUT, one request per user, one at a time", async () => {
    const result = await benchDocumentedPut(small);
    expect(result).toMatchObject({
      users: 4,
      deactivated: 4,
      failed: 0,
      verifiedInactive: 4,
      requests: 4,
      peakInFlight: 1,
      throttleErrorsSeen: 0,
      throttleErrorsLeftUnretried: 0,
      errors: [],
    });
    expect(result.perUserMs).toBeGreaterThanOrEqual(100);
    expect(result.peakRssBytes).toBeGreaterThan(0);
  });

  it.skipIf(!hasWorkfrontApi)("(b) deactivates with the workfront-api package's edit()", async () => {
    const result = await benchWorkfrontApiPackage(small);
    expect(result).toMatchObject({
      deactivated: 4,
      verifiedInactive: 4,
      requests: 4,
      peakInFlight: 1,
      errors: [],
    });
  });

  it("counts throttle errors that a method leaves unretried", async () => {
    // Ten at once, then two more while they are in flight: the two meet the cap of 10.
    const result = await measureBulkDeactivation(
      async ({ emulator, targets }) => {
        const put = async (ID: string): Promise<UserOutcome> => {
          const response = await fetch(
            `${emulator.url}/attask/api/v21.0/user/${ID}?method=PUT&updates={"isActive":false}`,
            { headers: { apiKey: emulator.apiKey } },
          );
          await response.text();
          const throttled = response.status === 429;
          return { ID, deactivated: response.ok, throttlesSeen: throttled ? 1 : 0, throttleLeft: throttled };
        };
        // Slow answers, so the ten are surely still held when the two arrive, however busy the machine.
        await fetch(`${emulator.url}/__emulator/config`, { method: "PATCH", body: JSON.stringify({ latencyMs: 3_000 }) });
        const first = targets.slice(0, 10).map((t) => put(t.ID));
        for (;;) {
          const stats = (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as {
            inFlight: number;
          };
          if (stats.inFlight >= 10) break;
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
        const late = targets.slice(10).map((t) => put(t.ID));
        return Promise.all([...first, ...late]);
      },
      { users: 12, tenantUsers: 300 },
    );
    expect(result).toMatchObject({
      deactivated: 10,
      failed: 2,
      verifiedInactive: 10,
      throttleErrorsSeen: 2,
      throttleErrorsLeftUnretried: 2,
      peakInFlight: 10,
    });
  });
});
