import "server-only";

/** The audit log: write an attempt before each Workfront call, complete it after, read it back. */
export { auditCsv, auditCsvHeader, auditCsvLines, AUDIT_CSV_COLUMNS, CSV_DELIMITERS, type CsvDelimiter, csvCell, csvLine } from "./csv";
export {
  AUDIT_PAGE_SIZES,
  type AuditFilter,
  type AuditFilterInput,
  type AuditListQuery,
  type AuditListQueryInput,
  auditFilterSchema,
  auditFormatQuerySchema,
  auditListQuerySchema,
} from "./filters";
export { type DeactivationRecord, latestDeactivations } from "./latest";
export { type AuditPage, listAuditEvents } from "./list";
export {
  type AttemptInput,
  type Completion,
  type RefusalInput,
  completeAttempt,
  recordAttempt,
  recordRefusal,
} from "./record";
export {
  type ReconcileReport,
  DEFAULT_GRACE_MS,
  INTERRUPTED,
  reconcileGraceMs,
  reconcileInterrupted,
} from "./reconcile";
export { type AuditReconciler, startAuditReconciler } from "./reconcile-runner";
export { type AccessSnapshot, type AuditEvent, AuditError, accessSnapshotSchema } from "./types";
export { type AuditEventDto, toAuditEventDto } from "./dto";
export * from "./vocabulary";
