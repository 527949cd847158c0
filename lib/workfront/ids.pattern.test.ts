import { describe, expect, it } from "vitest";
import { WorkfrontError } from "./errors";
import { assertWorkfrontId, isWorkfrontId, workfrontIdSchema } from "./ids";

const ID = "0123456789abcdef0123456789abcdef";

describe("isWorkfrontId", () => {
  it.each([ID, "f".repeat(32), "0".repeat(32)])("accepts %j", (value) => {
    expect(isWorkfrontId(value)).toBe(true);
  });

  it.each([
    ["upper case", ID.toUpperCase()],
    ["31 characters", ID.slice(1)],
    ["33 characters", `${ID}0`],
    ["a letter past f", `${ID.slice(0, 31)}g`],
    ["a leading space", ` ${ID.slice(1)}`],
    ["a trailing newline", `${ID.slice(1)}\n`],
    ["an ID with something before it", `x${ID}`],
    ["an ID with something after it", `${ID}x`],
    ["empty", ""],
  ])("refuses %s", (_what, value) => {
    expect(isWorkfrontId(value)).toBe(false);
  });

  it.each([
    ["a list holding an ID", [ID]],
    ["an object that prints as an ID", { toString: () => ID }],
    ["a number", 12345],
    ["null", null],
    ["undefined", undefined],
  ])("refuses %s, which is not a string", (_what, value) => {
    expect(isWorkfrontId(value)).toBe(false);
  });
});

describe("assertWorkfrontId", () => {
  it("lets an ID through", () => {
    expect(assertWorkfrontId(ID)).toBeUndefined();
  });

  it.each([["abc"], [[ID]], [`${ID.slice(0, 31)}#`]])("refuses %j as a validation error", (value) => {
    let error: unknown;
    try {
      assertWorkfrontId(value);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WorkfrontError);
    const { code, message, retryable } = error as WorkfrontError;
    expect([code, message, retryable]).toEqual([
      "validation",
      "Not a Workfront ID: expected 32 lowercase hexadecimal characters",
      false,
    ]);
  });
});

describe("workfrontIdSchema", () => {
  it("accepts an ID and explains a refusal", () => {
    expect(workfrontIdSchema.parse(ID)).toBe(ID);
    const result = workfrontIdSchema.safeParse(ID.toUpperCase());
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "must be a Workfront ID: 32 lowercase hexadecimal characters",
    ]);
  });
});
