import type { LicenseTypeOption } from "../config";
import { OBJECT_DEFS, type FieldDef, type ObjectDef } from "./schema";

/**
 * `GET /<obj>/metadata`, shaped like Adobe's fixture (`fixtures/metadata.json`): each field has
 * `label`, `fieldType` and friends; `type` is added as a short alias. licenseType lists the
 * configured licence codes as `possibleValues` — the only place a client can learn their labels.
 */
export function objectMetadata(def: ObjectDef, licenseTypes: LicenseTypeOption[], apiBase: string): unknown {
  const fields: Record<string, unknown> = {};
  for (const field of def.fields.values()) fields[field.name] = fieldMetadata(field, licenseTypes);
  const references: Record<string, unknown> = {};
  for (const ref of def.references.values()) {
    const target = OBJECT_DEFS[ref.objCode];
    references[ref.name] = {
      label: ref.label,
      objCode: ref.objCode,
      typeObjCode: ref.objCode,
      targetTypeObjCode: null,
      fieldType: target.name,
      type: target.name,
      enumTargetObjCode: null,
      enumType: null,
      url: `${apiBase}/${target.urlName.toLowerCase()}/metadata`,
    };
  }
  return {
    name: def.name,
    label: def.label,
    objCode: def.objCode,
    flags: [],
    url: `${apiBase}/${def.urlName.toLowerCase()}/metadata`,
    fields,
    references,
    collections: {},
    search: {},
    actions: def.objCode === "USER" ? USER_ACTIONS : {},
    queries: {},
    operations: def.objCode === "USER" ? ["count", "edit", "get", "search"] : ["count", "get", "search"],
  };
}

function fieldMetadata(field: FieldDef, licenseTypes: LicenseTypeOption[]): unknown {
  return {
    label: field.label,
    type: field.kind,
    fieldType: field.kind,
    typeObjCode: null,
    targetTypeObjCode: null,
    enumTargetObjCode: null,
    enumType: field.licenseEnum ? "com.attask.common.constants.LicenseTypeEnum" : null,
    url: null,
    flags: field.writable ? [] : ["READ_ONLY"],
    ...(field.licenseEnum
      ? { possibleValues: licenseTypes.map(({ label, value }) => ({ label, value })) }
      : {}),
  };
}

const credentialArgs = [
  { name: "username", type: "string" },
  { name: "password", type: "string" },
];

const USER_ACTIONS = {
  generateApiKey: { arguments: credentialArgs, resultType: "string", label: "generateApiKey" },
  getApiKey: { arguments: credentialArgs, resultType: "string", label: "getApiKey" },
  clearApiKey: { arguments: credentialArgs, label: "clearApiKey" },
};

/** `GET /metadata`: the objects this tenant serves. */
export function globalMetadata(apiBase: string): unknown {
  const objects: Record<string, unknown> = {};
  for (const def of Object.values(OBJECT_DEFS)) {
    objects[def.objCode] = {
      objCode: def.objCode,
      name: def.name,
      label: def.label,
      url: `${apiBase}/${def.urlName.toLowerCase()}/metadata`,
    };
  }
  return { objects };
}
