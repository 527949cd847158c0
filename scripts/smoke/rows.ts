import { isWorkfrontError } from "../../lib/workfront/errors";

/**
 * One line of the smoke check's table: what was checked, what the tenant did, and what the app will
 * do because of it. Only FAIL makes the run fail: WARN is something to know (the app copes), INFO a
 * fact about the tenant, SKIP a check that was not run (and why).
 */
export type Result = "PASS" | "FAIL" | "WARN" | "INFO" | "SKIP";

export interface SmokeRow {
  check: string;
  result: Result;
  detail: string;
  app: string;
}

export const row = (check: string, result: Result, detail: string, app: string): SmokeRow => ({
  check,
  result,
  detail,
  app,
});

export const hasFailure = (rows: readonly SmokeRow[]) => rows.some((entry) => entry.result === "FAIL");

/** An error as the table shows it: the app's code, Workfront's class and the HTTP status. */
export function describeError(error: unknown): string {
  if (isWorkfrontError(error)) {
    const upstream = [error.upstreamClass, error.status === undefined ? null : `HTTP ${error.status}`]
      .filter(Boolean)
      .join(", ");
    return `${error.code}: ${error.message}${upstream ? ` (${upstream})` : ""}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The code the app's client gave an error, or "internal" for anything that is not Workfront's. */
export const codeOf = (error: unknown) => (isWorkfrontError(error) ? error.code : "internal");
