/**
 * Stored records. Dates are epoch milliseconds (formatted only on the way out), so filters and
 * sorts compare numbers. Records are type aliases, not interfaces, so that each one is assignable
 * to the generic `Row` the query engine works on.
 */
export type FieldValue = string | number | boolean | null;
export type Row = Record<string, FieldValue>;

/** Objects a person may still hold when they leave (workfront-api.md §12), served from `work-defs.ts`. */
export const WORK_OBJ_CODES = [
  "PROJ",
  "TASK",
  "OPTASK",
  "ASSGN",
  "TMPL",
  "AWAPVL",
  "SPAPVR",
  "TSHET",
  "TSPRO",
  "TEAMOB",
  "PTLSEC",
  "DOCU",
  "RESMGR",
] as const;
export type WorkObjCode = (typeof WORK_OBJ_CODES)[number];

export type ObjCode = "USER" | "CUST" | "ACSLVL" | "GROUP" | "CMPY" | WorkObjCode;

export type UserRecord = {
  ID: string;
  objCode: "USER";
  name: string;
  firstName: string;
  lastName: string;
  emailAddr: string;
  username: string;
  title: string | null;
  phoneNumber: string | null;
  isActive: boolean;
  licenseType: string;
  accessLevelID: string;
  homeGroupID: string;
  companyID: string | null;
  managerID: string | null;
  customerID: string;
  entryDate: number;
  lastUpdateDate: number;
  lastUpdatedByID: string | null;
  lastLoginDate: number | null;
  scheduleDeactivationDate: number | null;
  actualDeactivationDate: number | null;
  timeZone: string;
  locale: string;
} & UserExtras;

/**
 * USER fields the dashboard never reads, there so that metadata, `fields=*` and filters look like
 * a real tenant's. Seeded without drawing from the RNG, so they leave the rest of the tenant as it was.
 */
export type UserExtras = {
  phoneExtension: string | null;
  mobilePhoneNumber: string | null;
  extRefID: string | null;
  /** UserInterfaceEnum: 0 Default, 1 Project Management Home, 2 TeamHome, 3 Early Access. */
  defaultInterface: number;
  enteredByID: string | null;
  homeTeamID: string | null;
  roleID: string | null;
  scheduleID: string | null;
  resourcePoolID: string | null;
  layoutTemplateID: string | null;
  portalProfileID: string | null;
  timesheetProfileID: string | null;
  uumUserID: string | null;
  loginCount: number;
  fte: number;
  workHoursPerDay: number;
  logTimeInDays: boolean;
  billingPerHour: number;
  costPerHour: number;
};

export type CustomerRecord = {
  ID: string;
  objCode: "CUST";
  name: string;
  adminUserID: string;
  domain: string;
  timeZone: string;
  locale: string;
  entryDate: number;
};

export type AccessLevelRecord = {
  ID: string;
  objCode: "ACSLVL";
  name: string;
  description: string;
  isAdmin: boolean;
  licenseType: string;
  customerID: string;
  entryDate: number;
  // AccessLevel spells it lastUpdatedDate, unlike USER's lastUpdateDate (workfront-api.md §6.1).
  lastUpdatedDate: number;
};

export type GroupRecord = {
  ID: string;
  objCode: "GROUP";
  name: string;
  description: string;
  customerID: string;
  entryDate: number;
};

export type CompanyRecord = {
  ID: string;
  objCode: "CMPY";
  name: string;
  customerID: string;
  entryDate: number;
};

/** Everything the seed produces; the store owns a live copy of it. */
export interface TenantData {
  customer: CustomerRecord;
  accessLevels: AccessLevelRecord[];
  groups: GroupRecord[];
  companies: CompanyRecord[];
  users: UserRecord[];
  /** Work objects by ObjCode (plain rows; dates as epoch ms). Absent in hand-written fixtures. */
  work?: Partial<Record<WorkObjCode, Row[]>>;
  adminUserID: string;
  integrationUserID: string;
}
