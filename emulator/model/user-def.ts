import { type EnumSpec, type FieldSpec, defineObject } from "./define";
import { USER_METADATA_EXTRAS } from "./user-metadata";

/**
 * USER as the emulator serves it. Fields come from Adobe's sources: the what's-new pages
 * (logTimeInDays and workHoursPerDay v9, actualDeactivationDate v12), the current USER fields of
 * event-sub-resource-fields.md, and the 2017 metadata behind python-workfront; types follow the
 * fixture's vocabulary (fixtures/metadata.json). Fields that point at objects the emulator does not
 * serve (roleID, homeTeamID, …) are null for every seeded user.
 */

/** The fixture's only integer enum (ROLE.defaultInterface, fixtures/metadata.json); USER has the field too. */
export const USER_INTERFACE_ENUM: EnumSpec = {
  type: "com.attask.common.constants.UserInterfaceEnum",
  values: [
    { label: "Default", value: 0 },
    { label: "Project Management Home", value: 1 },
    { label: "TeamHome", value: 2 },
    { label: "Early Access", value: 3 },
  ],
};

const W = { writable: true };
const WN = { writable: true, nullable: true };
const REF_ID = { flags: ["NOT_GROUPABLE"] };
const MONEY = { flags: ["CURRENCY", "RESTRICTABLE"] };

const USER_FIELDS: FieldSpec[] = [
  ["ID", "ID", "string"],
  ["name", "Name", "string"],
  ["objCode", "Object Code", "string"],
  ["firstName", "First Name", "string", W],
  ["lastName", "Last Name", "string", W],
  ["emailAddr", "Email Address", "string", W],
  ["username", "Username", "string", W],
  ["title", "Title", "string", WN],
  ["phoneNumber", "Phone Number", "string", WN],
  ["phoneExtension", "Phone Extension", "string", WN],
  ["mobilePhoneNumber", "Mobile Phone Number", "string", WN],
  ["extRefID", "External Reference ID", "string", WN],
  ["isActive", "Is Active", "boolean", W],
  ["licenseType", "License Type", "string", { licenseEnum: true }],
  ["defaultInterface", "Default Interface", "int", { writable: true, enumSpec: USER_INTERFACE_ENUM }],
  ["accessLevelID", "Access Level ID", "string", { writable: true, ...REF_ID }],
  ["homeGroupID", "Home Group ID", "string", { writable: true, ...REF_ID }],
  ["companyID", "Company ID", "string", { ...WN, ...REF_ID }],
  ["managerID", "Manager ID", "string", { ...WN, ...REF_ID }],
  ["customerID", "Customer ID", "string", REF_ID],
  ["enteredByID", "Entered By ID", "string", REF_ID],
  ["homeTeamID", "Home Team ID", "string", REF_ID],
  ["roleID", "Role ID", "string", REF_ID],
  ["scheduleID", "Schedule ID", "string", REF_ID],
  ["resourcePoolID", "Resource Pool ID", "string", REF_ID],
  ["layoutTemplateID", "Layout Template ID", "string", REF_ID],
  ["portalProfileID", "Portal Profile ID", "string", REF_ID],
  ["timesheetProfileID", "Timesheet Profile ID", "string", REF_ID],
  ["uumUserID", "UUM User ID", "string"],
  ["entryDate", "Entry Date", "dateTime"],
  ["lastUpdateDate", "Last Update Date", "dateTime"],
  ["lastUpdatedByID", "Last Updated By ID", "string", REF_ID],
  ["lastLoginDate", "Last Login Date", "dateTime"],
  ["loginCount", "Login Count", "int"],
  ["scheduleDeactivationDate", "Schedule Deactivation Date", "dateTime", WN],
  ["actualDeactivationDate", "Actual Deactivation Date", "dateTime"],
  ["timeZone", "Time Zone", "string", W],
  ["locale", "Locale", "string", W],
  ["fte", "FTE", "double"],
  ["workHoursPerDay", "Work Hours Per Day", "double"],
  ["logTimeInDays", "Log Time In Days", "boolean"],
  ["billingPerHour", "Billing Per Hour", "double", MONEY],
  ["costPerHour", "Cost Per Hour", "double", MONEY],
];

export const USER_DEF = defineObject({
  objCode: "USER",
  name: "User",
  label: "User",
  urlName: "user",
  fields: USER_FIELDS,
  references: [
    ["accessLevel", "Access Level", "ACSLVL", "accessLevelID"],
    ["homeGroup", "Home Group", "GROUP", "homeGroupID"],
    ["company", "Company", "CMPY", "companyID"],
    ["manager", "Reports To", "USER", "managerID"],
    ["customer", "Customer", "CUST", "customerID"],
    ["enteredBy", "Entered By", "USER", "enteredByID"],
    ["lastUpdatedBy", "Last Updated By", "USER", "lastUpdatedByID"],
  ],
  defaultFields: [
    "ID",
    "name",
    "objCode",
    "emailAddr",
    "username",
    "title",
    "isActive",
    "licenseType",
    "accessLevelID",
    "homeGroupID",
  ],
  unserved: new Set(
    [...USER_METADATA_EXTRAS.references, ...USER_METADATA_EXTRAS.collections].map((link) => link.name),
  ),
});
