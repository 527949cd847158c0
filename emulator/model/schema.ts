import type { ObjCode } from "./types";

/**
 * What each emulated object exposes: its fields (with wire type), its references (`accessLevel`
 * → ACSLVL via `accessLevelID`), the default field subset returned without `fields`, and the
 * names the URL may use for it. The query engine and `/metadata` both read this one table.
 */
export type FieldKind = "string" | "boolean" | "dateTime";

export interface FieldDef {
  name: string;
  label: string;
  kind: FieldKind;
  /** USER fields a PUT may change. */
  writable?: boolean;
  /** The field's values are the configured licence types (shown as possibleValues in metadata). */
  licenseEnum?: boolean;
}

export interface ReferenceDef {
  name: string;
  label: string;
  objCode: ObjCode;
  idField: string;
}

export interface ObjectDef {
  objCode: ObjCode;
  /** Java-style class name used in messages: "User", "AccessLevel". */
  name: string;
  label: string;
  /** The long name used in URLs: user, customer, accessLevel… */
  urlName: string;
  fields: ReadonlyMap<string, FieldDef>;
  references: ReadonlyMap<string, ReferenceDef>;
  defaultFields: readonly string[];
}

type FieldSpec = [
  name: string,
  label: string,
  kind: FieldKind,
  flags?: { writable?: boolean; licenseEnum?: boolean },
];

function defineObject(spec: {
  objCode: ObjCode;
  name: string;
  label: string;
  urlName: string;
  fields: FieldSpec[];
  references: [name: string, label: string, objCode: ObjCode, idField: string][];
  defaultFields: string[];
}): ObjectDef {
  const fields = new Map<string, FieldDef>();
  for (const [name, label, kind, flags] of spec.fields) fields.set(name, { name, label, kind, ...flags });
  const references = new Map<string, ReferenceDef>();
  for (const [name, label, objCode, idField] of spec.references)
    references.set(name, { name, label, objCode, idField });
  return { ...spec, fields, references };
}

const W = { writable: true };

export const USER_DEF = defineObject({
  objCode: "USER",
  name: "User",
  label: "User",
  urlName: "user",
  fields: [
    ["ID", "ID", "string"],
    ["name", "Name", "string"],
    ["objCode", "Object Code", "string"],
    ["firstName", "First Name", "string", W],
    ["lastName", "Last Name", "string", W],
    ["emailAddr", "Email Address", "string", W],
    ["username", "Username", "string", W],
    ["title", "Title", "string", W],
    ["phoneNumber", "Phone Number", "string", W],
    ["isActive", "Is Active", "boolean", W],
    ["licenseType", "License Type", "string", { licenseEnum: true }],
    ["accessLevelID", "Access Level ID", "string", W],
    ["homeGroupID", "Home Group ID", "string", W],
    ["companyID", "Company ID", "string", W],
    ["managerID", "Manager ID", "string", W],
    ["customerID", "Customer ID", "string"],
    ["entryDate", "Entry Date", "dateTime"],
    ["lastUpdateDate", "Last Update Date", "dateTime"],
    ["lastUpdatedByID", "Last Updated By ID", "string"],
    ["lastLoginDate", "Last Login Date", "dateTime"],
    ["scheduleDeactivationDate", "Schedule Deactivation Date", "dateTime", W],
    ["actualDeactivationDate", "Actual Deactivation Date", "dateTime"],
    ["timeZone", "Time Zone", "string", W],
    ["locale", "Locale", "string", W],
  ],
  references: [
    ["accessLevel", "Access Level", "ACSLVL", "accessLevelID"],
    ["homeGroup", "Home Group", "GROUP", "homeGroupID"],
    ["company", "Company", "CMPY", "companyID"],
    ["manager", "Reports To", "USER", "managerID"],
    ["customer", "Customer", "CUST", "customerID"],
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
});

export const CUSTOMER_DEF = defineObject({
  objCode: "CUST",
  name: "Customer",
  label: "Customer",
  urlName: "customer",
  fields: [
    ["ID", "ID", "string"],
    ["name", "Name", "string"],
    ["objCode", "Object Code", "string"],
    ["adminUserID", "Admin User ID", "string"],
    ["domain", "Domain", "string"],
    ["timeZone", "Time Zone", "string"],
    ["locale", "Locale", "string"],
    ["entryDate", "Entry Date", "dateTime"],
  ],
  references: [["adminUser", "Admin User", "USER", "adminUserID"]],
  defaultFields: ["ID", "name", "objCode", "adminUserID"],
});

export const ACCESS_LEVEL_DEF = defineObject({
  objCode: "ACSLVL",
  name: "AccessLevel",
  label: "Access Level",
  urlName: "accessLevel",
  fields: [
    ["ID", "ID", "string"],
    ["name", "Name", "string"],
    ["objCode", "Object Code", "string"],
    ["description", "Description", "string"],
    ["isAdmin", "Is Admin", "boolean"],
    ["licenseType", "License Type", "string", { licenseEnum: true }],
    ["customerID", "Customer ID", "string"],
    ["entryDate", "Entry Date", "dateTime"],
    ["lastUpdatedDate", "Last Updated Date", "dateTime"],
  ],
  references: [["customer", "Customer", "CUST", "customerID"]],
  defaultFields: ["ID", "name", "objCode", "isAdmin", "licenseType"],
});

export const GROUP_DEF = defineObject({
  objCode: "GROUP",
  name: "Group",
  label: "Group",
  urlName: "group",
  fields: [
    ["ID", "ID", "string"],
    ["name", "Name", "string"],
    ["objCode", "Object Code", "string"],
    ["description", "Description", "string"],
    ["customerID", "Customer ID", "string"],
    ["entryDate", "Entry Date", "dateTime"],
  ],
  references: [["customer", "Customer", "CUST", "customerID"]],
  defaultFields: ["ID", "name", "objCode"],
});

export const COMPANY_DEF = defineObject({
  objCode: "CMPY",
  name: "Company",
  label: "Company",
  urlName: "company",
  fields: [
    ["ID", "ID", "string"],
    ["name", "Name", "string"],
    ["objCode", "Object Code", "string"],
    ["customerID", "Customer ID", "string"],
    ["entryDate", "Entry Date", "dateTime"],
  ],
  references: [["customer", "Customer", "CUST", "customerID"]],
  defaultFields: ["ID", "name", "objCode"],
});

export const OBJECT_DEFS: Record<ObjCode, ObjectDef> = {
  USER: USER_DEF,
  CUST: CUSTOMER_DEF,
  ACSLVL: ACCESS_LEVEL_DEF,
  GROUP: GROUP_DEF,
  CMPY: COMPANY_DEF,
};

// The URL's object segment may be the ObjCode or the long name, in any case (api-basics.md).
const BY_URL_NAME = new Map<string, ObjectDef>();
for (const def of Object.values(OBJECT_DEFS)) {
  BY_URL_NAME.set(def.objCode.toLowerCase(), def);
  BY_URL_NAME.set(def.urlName.toLowerCase(), def);
}

export function findObjectDef(segment: string): ObjectDef | undefined {
  return BY_URL_NAME.get(segment.toLowerCase());
}
