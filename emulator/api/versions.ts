import type { ApiPath } from "./api-path";

/**
 * The versions a tenant answers by default, read from Adobe's schedule
 * (wf-api/api/api-version-support-schedule.md, update-default-api-versioning.md) as of 2026-12-06:
 * a version is supported for three years, then stays available but unsupported ("deprecated")
 * until the date in the schedule's Deprecated column, after which it is gone.
 *
 * - v22 (2026-05) … v18 (2024-04): supported.
 * - v17, v16: unsupported during 2026 (26.10 and 26.4 releases), no Deprecated date yet: still there.
 * - v15: Deprecated December 18, 2025; v14 … v1: September 30, 2025 (some into October 2025);
 *   v1, v0.75, v0.5: "Deprecated". All gone, so `/attask/api/v21.0/…` of Adobe's how-to no longer answers.
 *
 * The unversioned path is "Default", the newest version (update-default-api-versioning.md).
 * `/attask/api-internal` and `/attask/api-unsupported` answer too: the docs call them unsupported
 * but show both (deprecation-api-internal.md; api-internal in rich-text-field-api.md and
 * retrieve-currency-when-null.md), and api-internal is the official client's default base.
 */
export const ANSWERED_VERSIONS: ReadonlySet<string> = new Set([
  "16.0",
  "17.0",
  "18.0",
  "19.0",
  "20.0",
  "21.0",
  "22.0",
]);

/** Whether the path's version answers; with `anyVersion` every `vN.N` does (the emulator before issue 11). */
export function versionAnswers(path: ApiPath, anyVersion: boolean): boolean {
  return anyVersion || !path.explicitVersion || ANSWERED_VERSIONS.has(path.version);
}
