import { type FieldSpec, type ObjectDef, defineObject } from "./define";
import type { ObjCode, WorkObjCode } from "./types";

/**
 * The objects a leaver may still hold (workfront-api.md §12). Field names come from Adobe's
 * event-subscription resource fields (`wf-api/api/event-sub-resource-fields.md`: ASSGN, TASK,
 * OPTASK, PROJ, TMPL, TSHET, PTLSEC, DOCU) and the Data Connect data dictionary
 * (`reports-and-dashboards/data-lake/data-dictionary.md`: AWAPVL, SPAPVR, TSPRO, TEAMOB, RESMGR);
 * `percentComplete` and `actualCompletionDate` from the reporting docs (docs/workfront-fidelity.md).
 * Only the fields the dashboard needs are served. `writable` marks the person fields a PUT may
 * change (a reassignment); everything else is read-only here.
 */
const W = { writable: true, nullable: true };
const FOR_USER = { ...W, userRef: true } as const;

const ID: FieldSpec = ["ID", "ID", "string"];
const NAME: FieldSpec = ["name", "Name", "string"];
const OBJ: FieldSpec = ["objCode", "Object Code", "string"];
const ENTRY: FieldSpec = ["entryDate", "Entry Date", "dateTime"];
const UPDATED: FieldSpec = ["lastUpdateDate", "Last Update Date", "dateTime"];
const UPDATED_BY: FieldSpec = ["lastUpdatedByID", "Last Updated By ID", "string"];

type Ref = [name: string, label: string, objCode: ObjCode, idField: string];

function work(
  objCode: WorkObjCode,
  name: string,
  label: string,
  urlName: string,
  fields: FieldSpec[],
  references: Ref[],
  defaultFields: string[],
): ObjectDef {
  return defineObject({ objCode, name, label, urlName, fields, references, defaultFields });
}

export const PROJECT_DEF = work(
  "PROJ",
  "Project",
  "Project",
  "project",
  [
    ID,
    NAME,
    OBJ,
    ["ownerID", "Owner ID", "string", FOR_USER],
    ["sponsorID", "Sponsor ID", "string", FOR_USER],
    ["status", "Status", "string"],
    ["percentComplete", "Percent Complete", "double"],
    ENTRY,
    UPDATED,
    UPDATED_BY,
  ],
  [
    ["owner", "Owner", "USER", "ownerID"],
    ["sponsor", "Sponsor", "USER", "sponsorID"],
  ],
  ["ID", "name", "objCode", "status", "percentComplete", "ownerID"],
);

export const TASK_DEF = work(
  "TASK",
  "Task",
  "Task",
  "task",
  [
    ID,
    NAME,
    OBJ,
    ["assignedToID", "Assigned To ID", "string"],
    ["projectID", "Project ID", "string"],
    ["status", "Status", "string"],
    ["percentComplete", "Percent Complete", "double"],
    ["actualCompletionDate", "Actual Completion Date", "dateTime"],
    ENTRY,
    UPDATED,
    UPDATED_BY,
  ],
  [
    ["assignedTo", "Assigned To", "USER", "assignedToID"],
    ["project", "Project", "PROJ", "projectID"],
  ],
  ["ID", "name", "objCode", "status", "percentComplete", "projectID"],
);

export const ISSUE_DEF = work(
  "OPTASK",
  "Issue",
  "Issue",
  "optask",
  [
    ID,
    NAME,
    OBJ,
    ["ownerID", "Owner ID", "string", FOR_USER],
    ["assignedToID", "Assigned To ID", "string"],
    ["projectID", "Project ID", "string"],
    ["status", "Status", "string"],
    ["actualCompletionDate", "Actual Completion Date", "dateTime"],
    ENTRY,
    UPDATED,
    UPDATED_BY,
  ],
  [
    ["owner", "Owner", "USER", "ownerID"],
    ["assignedTo", "Assigned To", "USER", "assignedToID"],
    ["project", "Project", "PROJ", "projectID"],
  ],
  ["ID", "name", "objCode", "status", "projectID"],
);

export const ASSIGNMENT_DEF = work(
  "ASSGN",
  "Assignment",
  "Assignment",
  "assignment",
  [
    ID,
    OBJ,
    ["assignedToID", "Assigned To ID", "string", FOR_USER],
    ["assignedByID", "Assigned By ID", "string"],
    ["isPrimary", "Is Primary", "boolean"],
    ["taskID", "Task ID", "string"],
    ["opTaskID", "Issue ID", "string"],
    ["projectID", "Project ID", "string"],
    ["status", "Status", "string"],
    ["assignmentPercent", "Assignment Percent", "double"],
    UPDATED,
    UPDATED_BY,
  ],
  [
    ["assignedTo", "Assigned To", "USER", "assignedToID"],
    ["task", "Task", "TASK", "taskID"],
    ["opTask", "Issue", "OPTASK", "opTaskID"],
    ["project", "Project", "PROJ", "projectID"],
  ],
  ["ID", "objCode", "assignedToID", "isPrimary", "taskID", "opTaskID", "projectID", "status"],
);

export const TEMPLATE_DEF = work(
  "TMPL",
  "Template",
  "Template",
  "template",
  [
    ID,
    NAME,
    OBJ,
    ["ownerID", "Owner ID", "string", FOR_USER],
    ["sponsorID", "Sponsor ID", "string", FOR_USER],
    ENTRY,
    UPDATED,
    UPDATED_BY,
  ],
  [
    ["owner", "Owner", "USER", "ownerID"],
    ["sponsor", "Sponsor", "USER", "sponsorID"],
  ],
  ["ID", "name", "objCode", "ownerID"],
);

// Awaiting approvals are the approvals in progress. Nothing documents whether their approverID can
// be edited, so it follows the generic edit rules (docs/workfront-fidelity.md 52) unless the
// `readOnlyApprovers` option makes it read-only (work-updates.ts; fidelity 54).
export const AWAITING_APPROVAL_DEF = work(
  "AWAPVL",
  "AwaitingApproval",
  "Awaiting Approval",
  "awaitingApproval",
  [
    ID,
    OBJ,
    ["approverID", "Approver ID", "string", FOR_USER],
    ["projectID", "Project ID", "string"],
    ["taskID", "Task ID", "string"],
    ["opTaskID", "Issue ID", "string"],
    ["documentID", "Document ID", "string"],
    ENTRY,
  ],
  [
    ["approver", "Approver", "USER", "approverID"],
    ["project", "Project", "PROJ", "projectID"],
    ["task", "Task", "TASK", "taskID"],
    ["opTask", "Issue", "OPTASK", "opTaskID"],
  ],
  ["ID", "objCode", "approverID", "projectID", "taskID", "opTaskID", "documentID"],
);

export const STEP_APPROVER_DEF = work(
  "SPAPVR",
  "StepApprover",
  "Step Approver",
  "stepApprover",
  [
    ID,
    OBJ,
    ["approvalStepID", "Approval Step ID", "string"],
    ["userID", "User ID", "string", FOR_USER],
    ["teamID", "Team ID", "string"],
    ["roleID", "Role ID", "string"],
  ],
  [
    ["user", "User", "USER", "userID"],
    ["team", "Team", "TEAMOB", "teamID"],
  ],
  ["ID", "objCode", "approvalStepID", "userID", "teamID", "roleID"],
);

export const TIMESHEET_DEF = work(
  "TSHET",
  "Timesheet",
  "Timesheet",
  "timesheet",
  [
    ID,
    OBJ,
    ["displayName", "Display Name", "string"],
    ["userID", "User ID", "string"],
    ["approverID", "Approver ID", "string", FOR_USER],
    ["status", "Status", "string"],
    ["startDate", "Start Date", "dateTime"],
    ["endDate", "End Date", "dateTime"],
    UPDATED,
    UPDATED_BY,
  ],
  [
    ["user", "User", "USER", "userID"],
    ["approver", "Approver", "USER", "approverID"],
  ],
  ["ID", "objCode", "displayName", "userID", "approverID", "status"],
);

export const TIMESHEET_PROFILE_DEF = work(
  "TSPRO",
  "TimesheetProfile",
  "Timesheet Profile",
  "timesheetProfile",
  [ID, NAME, OBJ, ["approverID", "Approver ID", "string", FOR_USER], ENTRY, UPDATED, UPDATED_BY],
  [["approver", "Approver", "USER", "approverID"]],
  ["ID", "name", "objCode", "approverID"],
);

export const TEAM_DEF = work(
  "TEAMOB",
  "Team",
  "Team",
  "team",
  [ID, NAME, OBJ, ["ownerID", "Owner ID", "string", FOR_USER], ENTRY, UPDATED, UPDATED_BY],
  [["owner", "Owner", "USER", "ownerID"]],
  ["ID", "name", "objCode", "ownerID"],
);

export const REPORT_DEF = work(
  "PTLSEC",
  "PortalSection",
  "Report",
  "portalSection",
  [ID, NAME, OBJ, ["runAsUserID", "Run As User ID", "string", FOR_USER], UPDATED, UPDATED_BY],
  [["runAsUser", "Run As User", "USER", "runAsUserID"]],
  ["ID", "name", "objCode", "runAsUserID"],
);

// Checked-out documents: only an administrator can check one in (deactivate-a-user.md). Whether
// checkedOutByID can be edited is undocumented: the generic edit rules apply unless the
// `readOnlyCheckouts` option makes it read-only (work-updates.ts; fidelity 54).
export const DOCUMENT_DEF = work(
  "DOCU",
  "Document",
  "Document",
  "document",
  [
    ID,
    NAME,
    OBJ,
    ["checkedOutByID", "Checked Out By ID", "string", FOR_USER],
    ["ownerID", "Owner ID", "string"],
    ["projectID", "Project ID", "string"],
    UPDATED,
    UPDATED_BY,
  ],
  [
    ["checkedOutBy", "Checked Out By", "USER", "checkedOutByID"],
    ["owner", "Owner", "USER", "ownerID"],
    ["project", "Project", "PROJ", "projectID"],
  ],
  ["ID", "name", "objCode", "checkedOutByID"],
);

export const RESOURCE_MANAGER_DEF = work(
  "RESMGR",
  "ResourceManager",
  "Resource Manager",
  "resourceManager",
  [
    ID,
    OBJ,
    ["resourceManagerID", "Resource Manager ID", "string", FOR_USER],
    ["projectID", "Project ID", "string"],
    ["templateID", "Template ID", "string"],
  ],
  [
    ["resourceManager", "Resource Manager", "USER", "resourceManagerID"],
    ["project", "Project", "PROJ", "projectID"],
    ["template", "Template", "TMPL", "templateID"],
  ],
  ["ID", "objCode", "resourceManagerID", "projectID", "templateID"],
);

export const WORK_DEFS: Record<WorkObjCode, ObjectDef> = {
  PROJ: PROJECT_DEF,
  TASK: TASK_DEF,
  OPTASK: ISSUE_DEF,
  ASSGN: ASSIGNMENT_DEF,
  TMPL: TEMPLATE_DEF,
  AWAPVL: AWAITING_APPROVAL_DEF,
  SPAPVR: STEP_APPROVER_DEF,
  TSHET: TIMESHEET_DEF,
  TSPRO: TIMESHEET_PROFILE_DEF,
  TEAMOB: TEAM_DEF,
  PTLSEC: REPORT_DEF,
  DOCU: DOCUMENT_DEF,
  RESMGR: RESOURCE_MANAGER_DEF,
};
