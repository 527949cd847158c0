import { parseWfDate } from "../core/wf-date";
import type { AccessLevelRecord, TenantData, UserRecord } from "../model/types";
import type { QueryEnv } from "../query/filters";
import { Params } from "../query/params";
import { TenantStore } from "../store/tenant-store";

/**
 * A tiny hand-written tenant whose every value is known, for the query-engine unit tests.
 * IDs are readable: `id(n)` is "a" followed by n zero-padded to 32 hex characters; other objects
 * use other leading letters ("c" customer, "d" access levels, "e" groups).
 */
export const id = (n: number, prefix = "a"): string => `${prefix}${String(n).padStart(31, "0")}`;
const date = (text: string): number => {
  const ms = parseWfDate(text);
  if (ms === null) throw new Error(`bad fixture date ${text}`);
  return ms;
};

const CUSTOMER_ID = id(1, "c");
const level = (n: number, name: string, isAdmin: boolean, licenseType: string): AccessLevelRecord => ({
  ID: id(n, "d"),
  objCode: "ACSLVL",
  name,
  description: name,
  isAdmin,
  licenseType,
  customerID: CUSTOMER_ID,
  entryDate: date("2020-01-01"),
  lastUpdatedDate: date("2020-01-01"),
});
export const ADMIN_LEVEL = level(1, "System Administrator", true, "FULL");
export const WORKER_LEVEL = level(2, "Worker", false, "LIMITED");
export const IT_GROUP = id(1, "e");
export const MARKETING_GROUP = id(2, "e");

function user(n: number, firstName: string, lastName: string, extra: Partial<UserRecord> = {}): UserRecord {
  const email = `user${n}@acme.example`;
  return {
    ID: id(n),
    objCode: "USER",
    name: `${firstName} ${lastName}`,
    firstName,
    lastName,
    emailAddr: email,
    username: email,
    title: "Engineer",
    phoneNumber: null,
    isActive: true,
    licenseType: "LIMITED",
    accessLevelID: WORKER_LEVEL.ID,
    homeGroupID: IT_GROUP,
    companyID: null,
    managerID: null,
    customerID: CUSTOMER_ID,
    entryDate: date("2021-06-01T09:00:00:000-0700"),
    lastUpdateDate: date("2023-01-01"),
    lastUpdatedByID: id(0),
    lastLoginDate: date("2024-01-31T10:00:00:000-0700"),
    scheduleDeactivationDate: null,
    actualDeactivationDate: null,
    timeZone: "America/Phoenix",
    locale: "en_US",
    phoneExtension: null,
    mobilePhoneNumber: null,
    extRefID: null,
    defaultInterface: 0,
    enteredByID: id(0),
    homeTeamID: null,
    roleID: null,
    scheduleID: null,
    resourcePoolID: null,
    layoutTemplateID: null,
    portalProfileID: null,
    timesheetProfileID: null,
    uumUserID: null,
    loginCount: 10,
    fte: 1,
    workHoursPerDay: 8,
    logTimeInDays: false,
    billingPerHour: 0,
    costPerHour: 0,
    ...extra,
  };
}

export function fixtureData(): TenantData {
  const users = [
    user(0, "Avery", "Admin", { accessLevelID: ADMIN_LEVEL.ID, licenseType: "FULL", title: "Administrator" }),
    user(1, "Workfront", "Integration", { accessLevelID: ADMIN_LEVEL.ID, licenseType: "FULL", title: "API" }),
    user(2, "Jürgen", "Müller", {
      title: "Engineer",
      managerID: id(0),
      lastLoginDate: date("2024-01-31T23:30:00:000-0700"),
    }),
    user(3, "Siobhán", "O'Brien", {
      isActive: false,
      title: null,
      lastLoginDate: null,
      actualDeactivationDate: date("2024-03-01T08:00:00:000-0700"),
      homeGroupID: MARKETING_GROUP,
    }),
    user(4, "zoë", "adams", { title: "designer", lastLoginDate: date("2022-05-05") }),
    user(5, "花子", "佐藤", { title: "Designer", lastLoginDate: date("2023-07-07") }),
    user(6, "Anne-Marie", "Dubois", {
      title: "",
      scheduleDeactivationDate: date("2026-12-01"),
      homeGroupID: MARKETING_GROUP,
      lastLoginDate: date("2024-02-01"),
    }),
  ];
  return {
    customer: {
      ID: CUSTOMER_ID,
      objCode: "CUST",
      name: "Acme",
      adminUserID: id(0),
      domain: "acme",
      timeZone: "America/Phoenix",
      locale: "en_US",
      entryDate: date("2015-01-01"),
    },
    accessLevels: [ADMIN_LEVEL, WORKER_LEVEL],
    groups: [
      {
        ID: IT_GROUP,
        objCode: "GROUP",
        name: "IT",
        description: "",
        customerID: CUSTOMER_ID,
        entryDate: date("2015-01-01"),
      },
      {
        ID: MARKETING_GROUP,
        objCode: "GROUP",
        name: "Marketing",
        description: "",
        customerID: CUSTOMER_ID,
        entryDate: date("2015-01-01"),
      },
    ],
    companies: [],
    users,
    adminUserID: id(0),
    integrationUserID: id(1),
  };
}

export function fixtureEnv(currentUser = 1): QueryEnv {
  return {
    store: new TenantStore(fixtureData()),
    apiVersion: "V21_0",
    currentUserID: id(currentUser),
    now: date("2024-02-01T12:00:00:000-0700"),
  };
}

export const q = (search: string): Params => Params.fromSearch(search);
