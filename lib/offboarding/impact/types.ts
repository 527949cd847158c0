/**
 * What a person still holds in Workfront, as the browser and API scripts get it. Types only, so
 * client components may import them.
 */
export const IMPACT_CATEGORIES = [
  "approvalsAwaiting",
  "approvalStages",
  "taskAssignments",
  "issueAssignments",
  "issuesOwned",
  "projectsOwned",
  "projectsSponsored",
  "templatesOwned",
  "timesheetsToApprove",
  "timesheetProfiles",
  "teamsOwned",
  "reportsRunAs",
  "documentsCheckedOut",
  "resourceManager",
] as const;
export type ImpactCategoryKey = (typeof IMPACT_CATEGORIES)[number];

/**
 * The categories the dashboard can hand to a successor through the API, in display order (the
 * rest are manual: docs/workfront-fidelity.md 54). categories.ts's `reassign` says how.
 */
export const CATEGORY_REASSIGNABLE = IMPACT_CATEGORIES.filter(
  (key) => key !== "approvalsAwaiting" && key !== "documentsCheckedOut",
) as readonly ImpactCategoryKey[];

/** Where an item lives in Workfront's UI (the app builds the URL from the tenant's origin). */
export type WorkfrontPage =
  "project" | "task" | "issue" | "template" | "team" | "report" | "document" | "timesheet";

export interface ImpactItem {
  id: string;
  label: string | null;
  link: { page: WorkfrontPage; id: string } | null;
  /** Approval stages: the person is the stage's only approver. */
  soleApprover?: boolean;
}

export interface ImpactCategory {
  key: ImpactCategoryKey;
  count: number;
  /** The first items (at most ITEMS_PER_CATEGORY); `count` may be larger. */
  items: ImpactItem[];
  /** Items that stop a deactivation until reassigned or overridden. */
  blocking: number;
  /** The dashboard can hand it to a successor through the API; else it is a manual step. */
  reassignable: boolean;
  /** Workfront refused the question (e.g. a field this tenant does not know): unknown, not zero. */
  unavailable?: boolean;
}

export interface PersonImpact {
  userId: string;
  categories: ImpactCategory[];
  /** Sum of the categories' counts. */
  total: number;
  blocking: number;
  checkedAt: string;
}

/** Counts only: what a bulk dry run or an import preview shows per person. */
export interface ImpactCounts {
  counts: Partial<Record<ImpactCategoryKey, number>>;
  total: number;
  blocking: number;
  /** The blocking items per blocking category (sole-approver stages only, for stages). */
  blockingBy?: Partial<Record<BlockingCategoryKey, number>>;
  unavailable: ImpactCategoryKey[];
}

/** The categories that stop a deactivation (issue 16): approvals awaiting the person, and stages they approve alone. */
export const BLOCKING_CATEGORIES = ["approvalsAwaiting", "approvalStages"] as const satisfies readonly ImpactCategoryKey[];
export type BlockingCategoryKey = (typeof BLOCKING_CATEGORIES)[number];

/**
 * A blocking category that stops one person's deactivation: its blocking items, or null when
 * Workfront would not answer the question (unknown blocks: docs in the README, "The gate").
 */
export interface BlockingEntry {
  key: BlockingCategoryKey;
  count: number | null;
}

/** One person whose deactivation open work stops, as a 409 `open_work_blocking` lists them. */
export interface BlockedPerson {
  userId: string;
  name: string | null;
  blocking: BlockingEntry[];
}

/** An admin's decision to deactivate despite blocking work: why, and what was blocking then. */
export interface OpenWorkOverride {
  reason: string;
  blocking: BlockingEntry[];
}

/**
 * The impact check taken just before a deactivation, kept with its audit row as evidence (after a
 * reassignment: what was left), with the admin's override when blocking work was overridden.
 */
export interface OpenWorkEvidence extends ImpactCounts {
  checkedAt: string;
  override: OpenWorkOverride | null;
}
