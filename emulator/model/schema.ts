import { defineObject, type ObjectDef } from "./define";
import type { ObjCode } from "./types";
import { USER_DEF } from "./user-def";
import { WORK_DEFS } from "./work-defs";

/**
 * The emulated objects, which the query engine and `/metadata` both read. USER lives in
 * user-def.ts; the others are small.
 */
export type { EnumSpec, FieldDef, FieldKind, ObjectDef, ReferenceDef } from "./define";
export { USER_DEF } from "./user-def";

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
  ...WORK_DEFS,
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
