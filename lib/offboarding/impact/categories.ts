// Lookup data only, not server-only: `npm run smoke` (scripts/smoke) checks these fields on a tenant.
import type { Filter, WorkObjCode } from "@/lib/workfront";
import type { ImpactCategoryKey, WorkfrontPage } from "./types";

/**
 * Each category of work a leaver may hold, as lookup data: which object, which field names the
 * person, what "open" means, what to show and where it lives in Workfront
 * (docs/workfront-fidelity.md 47–54). `groupBy` is the person reference's ID, the documented form
 * of a report grouping (`project:name_1_GroupBy`). `reassign`: "single" edits one ASSGN at a time
 * (never a task's whole assignments collection), "bulk" edits ≤ 100 per request, null is manual.
 */
export interface CategoryDef {
  objCode: WorkObjCode;
  personField: string;
  groupBy: string;
  open: readonly Filter[];
  /** Fields read for the list; `label` is one of them. */
  fields: readonly string[];
  label: string | null;
  link: { page: WorkfrontPage; idField: string } | null;
  /** Every item blocks (approvals awaiting); approval stages block only where the person is alone. */
  blocking: "all" | "sole" | "none";
  reassign: "single" | "bulk" | null;
}

const openTask: Filter = { field: "task:percentComplete", op: "lt", value: 100 };
const openIssue: Filter[] = [
  { field: "opTaskID", op: "notnull" },
  { field: "opTask:actualCompletionDate", op: "isnull" },
];
const openProject: Filter = { field: "percentComplete", op: "lt", value: 100 };

export const CATEGORY_DEFS: Record<ImpactCategoryKey, CategoryDef> = {
  approvalsAwaiting: {
    objCode: "AWAPVL",
    personField: "approverID",
    groupBy: "approver:ID",
    open: [],
    fields: ["projectID", "project:name"],
    label: "project:name",
    link: { page: "project", idField: "projectID" },
    blocking: "all",
    reassign: null,
  },
  approvalStages: {
    objCode: "SPAPVR",
    personField: "userID",
    groupBy: "user:ID",
    open: [],
    fields: ["approvalStepID"],
    label: null,
    link: null,
    blocking: "sole",
    reassign: "bulk",
  },
  taskAssignments: {
    objCode: "ASSGN",
    personField: "assignedToID",
    groupBy: "assignedTo:ID",
    open: [openTask],
    fields: ["taskID", "isPrimary", "task:name"],
    label: "task:name",
    link: { page: "task", idField: "taskID" },
    blocking: "none",
    reassign: "single",
  },
  issueAssignments: {
    objCode: "ASSGN",
    personField: "assignedToID",
    groupBy: "assignedTo:ID",
    open: openIssue,
    fields: ["opTaskID", "isPrimary", "opTask:name"],
    label: "opTask:name",
    link: { page: "issue", idField: "opTaskID" },
    blocking: "none",
    reassign: "single",
  },
  issuesOwned: {
    objCode: "OPTASK",
    personField: "ownerID",
    groupBy: "owner:ID",
    open: [{ field: "actualCompletionDate", op: "isnull" }],
    fields: ["name"],
    label: "name",
    link: { page: "issue", idField: "ID" },
    blocking: "none",
    reassign: "bulk",
  },
  projectsOwned: {
    objCode: "PROJ",
    personField: "ownerID",
    groupBy: "owner:ID",
    open: [openProject],
    fields: ["name"],
    label: "name",
    link: { page: "project", idField: "ID" },
    blocking: "none",
    reassign: "bulk",
  },
  projectsSponsored: {
    objCode: "PROJ",
    personField: "sponsorID",
    groupBy: "sponsor:ID",
    open: [openProject],
    fields: ["name"],
    label: "name",
    link: { page: "project", idField: "ID" },
    blocking: "none",
    reassign: "bulk",
  },
  templatesOwned: {
    objCode: "TMPL",
    personField: "ownerID",
    groupBy: "owner:ID",
    open: [],
    fields: ["name"],
    label: "name",
    link: { page: "template", idField: "ID" },
    blocking: "none",
    reassign: "bulk",
  },
  timesheetsToApprove: {
    objCode: "TSHET",
    personField: "approverID",
    groupBy: "approver:ID",
    open: [],
    fields: ["displayName"],
    label: "displayName",
    link: { page: "timesheet", idField: "ID" },
    blocking: "none",
    reassign: "bulk",
  },
  timesheetProfiles: {
    objCode: "TSPRO",
    personField: "approverID",
    groupBy: "approver:ID",
    open: [],
    fields: ["name"],
    label: "name",
    link: null,
    blocking: "none",
    reassign: "bulk",
  },
  teamsOwned: {
    objCode: "TEAMOB",
    personField: "ownerID",
    groupBy: "owner:ID",
    open: [],
    fields: ["name"],
    label: "name",
    link: { page: "team", idField: "ID" },
    blocking: "none",
    reassign: "bulk",
  },
  reportsRunAs: {
    objCode: "PTLSEC",
    personField: "runAsUserID",
    groupBy: "runAsUser:ID",
    open: [],
    fields: ["name"],
    label: "name",
    link: { page: "report", idField: "ID" },
    blocking: "none",
    reassign: "bulk",
  },
  documentsCheckedOut: {
    objCode: "DOCU",
    personField: "checkedOutByID",
    groupBy: "checkedOutBy:ID",
    open: [],
    fields: ["name"],
    label: "name",
    link: { page: "document", idField: "ID" },
    blocking: "none",
    reassign: null,
  },
  resourceManager: {
    objCode: "RESMGR",
    personField: "resourceManagerID",
    groupBy: "resourceManager:ID",
    open: [],
    fields: ["projectID", "project:name"],
    label: "project:name",
    link: { page: "project", idField: "projectID" },
    blocking: "none",
    reassign: "bulk",
  },
};
