import { describe, expect, it } from "vitest";
import { parseJobsEnv, workerSettings } from "./config";
import { checkBulkRules } from "./rules";
import { createJobBodySchema } from "./schemas";

const rules = { confirmThreshold: 50, hardCap: 2000 };

describe("the confirm rules of a bulk run", () => {
  it("needs no typed count up to the threshold", () => {
    expect(checkBulkRules(50, "operator", undefined, rules)).toMatchObject({ confirmRequired: false, problem: null });
  });

  it("needs the number of people typed above it, and exactly that number", () => {
    expect(checkBulkRules(51, "operator", undefined, rules).problem).toEqual({
      status: 400,
      code: "confirm_count_required",
      message: "More than 50 people: type the number of people (51) to confirm.",
    });
    expect(checkBulkRules(51, "operator", 50, rules).problem).toEqual({
      status: 400,
      code: "confirm_count_mismatch",
      message: "The number typed (50) is not the number of people (51).",
    });
    expect(checkBulkRules(51, "operator", 51, rules)).toMatchObject({ confirmRequired: true, problem: null });
  });

  it("lets only the admin role run more than the hard cap", () => {
    expect(checkBulkRules(2001, "operator", 2001, rules)).toMatchObject({
      overHardCap: true,
      roleAllowed: false,
      problem: { status: 403, code: "over_hard_cap", message: "More than 2000 people at once: only the admin role may run this. Split the list, or ask an admin." },
    });
    expect(checkBulkRules(2001, "admin", 2001, rules)).toMatchObject({ overHardCap: true, roleAllowed: true, problem: null });
    expect(checkBulkRules(2000, "operator", 2000, rules).problem).toBeNull();
  });

  it("reads its thresholds from BULK_CONFIRM_THRESHOLD and BULK_HARD_CAP, with defaults", () => {
    expect(parseJobsEnv({})).toMatchObject({ BULK_CONFIRM_THRESHOLD: 50, BULK_HARD_CAP: 2000, JOBS_WORKER: true });
    expect(parseJobsEnv({ BULK_CONFIRM_THRESHOLD: "10", BULK_HARD_CAP: "", JOBS_WORKER: "false" })).toMatchObject({
      BULK_CONFIRM_THRESHOLD: 10,
      BULK_HARD_CAP: 2000,
      JOBS_WORKER: false,
    });
    expect(() => parseJobsEnv({ BULK_HARD_CAP: "lots" })).toThrow(/BULK_HARD_CAP/);
  });

  it("runs as many chunks at once as the Workfront cap allows requests, unless told otherwise", () => {
    expect(workerSettings(parseJobsEnv({})).concurrency).toBe(10);
    expect(workerSettings(parseJobsEnv({ WORKFRONT_MAX_IN_FLIGHT: "6" })).concurrency).toBe(6);
    expect(workerSettings(parseJobsEnv({ WORKFRONT_MAX_IN_FLIGHT: "6", JOBS_CONCURRENCY: "2" })).concurrency).toBe(2);
  });
});

describe("the body of POST /api/jobs", () => {
  const id = (n: number) => n.toString(16).padStart(32, "0");

  it("keeps the order of people and drops repeats", () => {
    const body = createJobBodySchema.parse({ kind: "deactivate", userIds: [id(2), id(1), id(2)], reason: "Team closed" });
    expect(body).toMatchObject({ userIds: [id(2), id(1)], dryRun: false });
  });

  it("refuses what is not a Workfront ID, no people, a short reason and unknown fields", () => {
    const base = { kind: "deactivate", userIds: [id(1)], reason: "Team closed" };
    expect(createJobBodySchema.safeParse({ ...base, userIds: ["../etc"] }).success).toBe(false);
    expect(createJobBodySchema.safeParse({ ...base, userIds: [] }).success).toBe(false);
    expect(createJobBodySchema.safeParse({ ...base, reason: "x" }).success).toBe(false);
    expect(createJobBodySchema.safeParse({ ...base, kind: "delete" }).success).toBe(false);
    expect(createJobBodySchema.safeParse({ ...base, force: true }).success).toBe(false);
  });
});
