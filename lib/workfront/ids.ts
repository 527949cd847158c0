import { z } from "zod";
import { WorkfrontError } from "./errors";

/** Workfront object IDs are 32 lowercase hex characters (every documented example and fixture). */
export const WORKFRONT_ID_PATTERN = /^[0-9a-f]{32}$/;

export const workfrontIdSchema = z
  .string()
  .regex(WORKFRONT_ID_PATTERN, "must be a Workfront ID: 32 lowercase hexadecimal characters");

export function isWorkfrontId(value: unknown): value is string {
  return typeof value === "string" && WORKFRONT_ID_PATTERN.test(value);
}

/**
 * Refuses anything that is not an ID before it can reach a URL path, so `?`, `&`, `/`, `%` or `#`
 * can never add a parameter or change the path.
 */
export function assertWorkfrontId(value: unknown): asserts value is string {
  if (!isWorkfrontId(value)) {
    throw new WorkfrontError("validation", "Not a Workfront ID: expected 32 lowercase hexadecimal characters");
  }
}
