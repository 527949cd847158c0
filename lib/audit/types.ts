import { z } from "zod";
import type { AccessSnapshot, AuditEventRow } from "@/lib/db/schema";

export type { AccessSnapshot };

/** One row of the audit log as stored. */
export type AuditEvent = AuditEventRow;

const field = z.string().max(500).nullable();

/** What is saved of a Workfront user's access at deactivation, to put back on reactivation. */
export const accessSnapshotSchema = z.object({
  accessLevelId: field,
  accessLevelName: field,
  licenseType: field,
  homeGroupId: field,
  homeGroupName: field,
}) satisfies z.ZodType<AccessSnapshot>;

export class AuditError extends Error {
  override name = "AuditError";
  constructor(
    readonly code: "not_found" | "already_complete",
    message: string,
  ) {
    super(message);
  }
}
