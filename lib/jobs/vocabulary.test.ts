import { describe, expect, it } from "vitest";
import { FINAL_ITEM_STATES, ITEM_STATES, JOB_STATUSES, isFinalItemState, isItemState, isJobStatus } from "./vocabulary";

/** The job engine's words as guards (lib/jobs/vocabulary.ts): what a URL's or a row's value may be. */
describe("isJobStatus", () => {
  it("accepts each job status and nothing else", () => {
    for (const status of JOB_STATUSES) expect(isJobStatus(status), status).toBe(true);
    for (const value of ["", "Running", "pending", "done", 1, null, undefined, ["running"]]) {
      expect(isJobStatus(value), String(value)).toBe(false);
    }
  });
});

describe("isItemState", () => {
  it("accepts each item state and nothing else", () => {
    for (const state of ITEM_STATES) expect(isItemState(state), state).toBe(true);
    for (const value of ["", "Pending", "queued", "remaining", 0, null, undefined, ["pending"]]) {
      expect(isItemState(value), String(value)).toBe(false);
    }
  });
});

describe("isFinalItemState", () => {
  it("is true for the five final states, false while pending or running", () => {
    expect(ITEM_STATES.filter((state) => isFinalItemState(state))).toEqual([...FINAL_ITEM_STATES]);
    expect(isFinalItemState("pending")).toBe(false);
    expect(isFinalItemState("running")).toBe(false);
  });
});
