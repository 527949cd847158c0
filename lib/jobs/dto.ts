import type { BlockingEntry, ImpactCounts } from "@/lib/offboarding/impact/types";
import type { Role } from "@/lib/auth/roles";
import type { ItemFilter } from "./schemas";
import type { FinalItemState, ItemState, JobKind, JobStatus } from "./vocabulary";

/**
 * What the browser gets of jobs: the JSON of /api/jobs. Types only (no server imports), so the job
 * page and the confirm dialog can import them. Dates are ISO strings.
 */
export interface JobCountsDto {
  total: number;
  pending: number;
  running: number;
  succeeded: number;
  /** Already in the wanted state: nothing was changed. */
  already: number;
  failed: number;
  refused: number;
  cancelled: number;
  /** pending + running: what the job still has to do. */
  remaining: number;
  /** Items with a final result. */
  done: number;
}

/** What the job's state allows; the role is checked by the server on each action. */
export interface JobActionsDto {
  cancel: boolean;
  retry: boolean;
  undo: boolean;
  resume: boolean;
}

export interface JobDto {
  id: string;
  kind: JobKind;
  status: JobStatus;
  /** tokenId: the API token the job came in with (email is then its creator's); null for a session. */
  createdBy: { email: string; role: Role; tokenId: string | null };
  reason: string;
  ticket: string | null;
  /** The imported file's name, when the job came from an import. */
  sourceName?: string | null;
  /** The job this one undoes (a reactivation of the people it deactivated). */
  undoOf: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  cancelRequestedAt: string | null;
  /** When Workfront last refused the credential (status paused_auth). */
  pausedAt: string | null;
  lastError: { code: string; message: string } | null;
  counts: JobCountsDto;
  /** done / total, 0..1. */
  progress: number;
  /** People finished per second over the last minute; null when not running. */
  ratePerSecond: number | null;
  /** Seconds left at that rate; null when unknown. */
  etaSeconds: number | null;
  actions: JobActionsDto;
}

export interface JobItemDto {
  id: string;
  position: number;
  targetId: string;
  /** From the users index at creation, then as the worker reads the person from Workfront; null if neither knew them yet. */
  targetName: string | null;
  targetEmail: string | null;
  state: ItemState;
  attempts: number;
  /**
   * Why it failed, was refused or is being retried (the last error). Refused: main_admin,
   * integration_user, configured or admin_target (items refused before these codes were kept
   * say protected_account); otherwise the Workfront error's code or cancelled.
   */
  errorCode: string | null;
  errorMessage: string | null;
  finishedAt: string | null;
  /** The person's row in the audit log (GET /api/audit?target=<targetId>). */
  auditEventId: number | null;
}

export interface JobItemsPageDto {
  rows: JobItemDto[];
  total: number;
  page: number;
  pageSize: number;
  state: ItemFilter | null;
}

/** GET /api/jobs/{id} and the answer of every action on a job. */
export interface JobDetailDto {
  job: JobDto;
  items: JobItemsPageDto;
}

/** GET /api/jobs */
export interface JobListDto {
  jobs: JobDto[];
  total: number;
  page: number;
  pageSize: number;
}

/** What a run would do to one person (POST /api/jobs with dryRun: true). */
export type DryRunOutcome = "would_change" | "already" | "protected" | "not_found" | "error";

export interface DryRunItemDto {
  userId: string;
  name: string | null;
  email: string | null;
  isActive: boolean | null;
  licenseType: string | null;
  licenseTypeLabel: string | null;
  /** A System Administrator (only the admin role may deactivate one). */
  isAdmin: boolean;
  outcome: DryRunOutcome;
  /** protected: main_admin | integration_user | configured | admin_target; error: the Workfront error code. */
  code: string | null;
  /** Why protected, or what went wrong reading the person. */
  reason: string | null;
  /** Deactivation of someone who would change: their open work (issue 16); null when not checked. */
  openWork?: DryRunOpenWork | null;
}

/** A person's open work in a dry run: counts per category, and what blocks (null count: unknown). */
export interface DryRunOpenWork {
  counts: ImpactCounts["counts"];
  total: number;
  blocking: BlockingEntry[];
  unavailable: ImpactCounts["unavailable"];
}

export interface LicenseCountDto {
  licenseType: string | null;
  label: string;
  count: number;
}

export interface RuleCheckDto {
  people: number;
  confirmRequired: boolean;
  overHardCap: boolean;
  roleAllowed: boolean;
  confirmThreshold: number;
  hardCap: number;
  /** What would stop the real run (confirm count, hard cap); null when it may go ahead. */
  problem: { code: string; message: string } | null;
}

export interface DryRunDto {
  dryRun: true;
  kind: JobKind;
  people: number;
  counts: Record<DryRunOutcome, number>;
  /** Licences the run would free, by type (deactivation only; empty for reactivation). */
  licensesFreed: LicenseCountDto[];
  rules: RuleCheckDto;
  /** In the order given. */
  items: DryRunItemDto[];
  /** Deactivation: how many who would change hold open work, and how many of them blocking work. */
  openWork?: { people: number; blocked: number };
  /**
   * Deactivation: people of the run holding work a reassignment handed them from another of its
   * people; the real run is refused with 409 successor_in_job (this message). Absent when none.
   */
  successorInJob?: { message: string; pairs: SuccessorInJobPairDto[] };
}

/** A successor in the run and the leaver of the run whose handed-over work they hold (lib/reassign/successors-in-job.ts). */
export interface SuccessorInJobPairDto {
  successorId: string;
  successorName: string | null;
  leaverId: string;
  leaverName: string | null;
  /** Objects handed over, or still being handed over, that name the successor. */
  objects: number;
}

export const emptyItemCounts = (): Record<ItemState, number> => ({
  pending: 0,
  running: 0,
  succeeded: 0,
  already: 0,
  failed: 0,
  refused: 0,
  cancelled: 0,
});

export function toCountsDto(byState: Record<ItemState, number>): JobCountsDto {
  const remaining = byState.pending + byState.running;
  const finals: FinalItemState[] = ["succeeded", "already", "failed", "refused", "cancelled"];
  const done = finals.reduce((sum, state) => sum + byState[state], 0);
  return { ...byState, total: remaining + done, remaining, done };
}
