import type { LicenseTypeOption } from "../config";
import { USER_METADATA_EXTRAS, type LinkSpec } from "./user-metadata";
import { OBJECT_DEFS, type FieldDef, type ObjectDef } from "./schema";
import type { ObjCode } from "./types";

/**
 * `GET /<obj>/metadata`, shaped like the official client's fixture (`fixtures/metadata.json`):
 * `{name, label, objCode, flags, url, fields, references, collections, search, actions, queries,
 * operations}`; every field, reference and collection with `label, typeObjCode, targetTypeObjCode,
 * fieldType, enumTargetObjCode, enumType, url` (and `flags` only when it has some). Enums list
 * `possibleValues` `{label, value}`: licenseType's strings are the configured licence types,
 * defaultInterface's are integers as in the fixture.
 */
export interface MetadataOptions {
  licenseTypes: LicenseTypeOption[];
  apiBase: string;
  /** Leave out integer possibleValues (`--string-enums-only`, the metadata before issue 11). */
  stringEnumsOnly: boolean;
}

const LICENSE_TYPE_ENUM = "com.attask.common.constants.LicenseTypeEnum";

/** The java class names metadata shows as a reference's `fieldType`. */
const CLASS_NAMES: Record<string, string> = {
  ROLE: "Role",
  TEAMOB: "Team",
  UITMPL: "LayoutTemplate",
  USRAPV: "UserApproval",
  USRGPS: "UserGroups",
  USRROL: "UserRole",
  RATE: "Rate",
};

export function objectMetadata(def: ObjectDef, options: MetadataOptions): unknown {
  const url = (objCode: string): string => `${options.apiBase}/${objCode.toLowerCase()}/metadata`;
  const link = (spec: LinkSpec): unknown => {
    const target = OBJECT_DEFS[spec.objCode as ObjCode] as ObjectDef | undefined;
    return withFlags(spec.flags, {
      label: spec.label,
      typeObjCode: spec.objCode,
      targetTypeObjCode: null,
      fieldType: target?.name ?? CLASS_NAMES[spec.objCode] ?? spec.objCode,
      enumTargetObjCode: null,
      enumType: null,
      url: url(spec.objCode),
    });
  };
  const fields: Record<string, unknown> = {};
  for (const name of [...def.fields.keys()].sort()) {
    const field = def.fields.get(name);
    if (field) fields[name] = fieldMetadata(field, options);
  }
  const extras = def.objCode === "USER" ? USER_METADATA_EXTRAS : undefined;
  const references: Record<string, unknown> = {};
  const referenceSpecs: LinkSpec[] = [
    ...[...def.references.values()].map((ref) => ({
      name: ref.name,
      label: ref.label,
      objCode: ref.objCode,
      flags: ref.name === "customer" ? ["NOT_GROUPABLE"] : undefined,
    })),
    ...(extras?.references ?? []),
  ];
  for (const spec of referenceSpecs.sort((a, b) => (a.name < b.name ? -1 : 1)))
    references[spec.name] = link(spec);
  const collections: Record<string, unknown> = {};
  for (const spec of extras?.collections ?? []) collections[spec.name] = link(spec);
  return {
    name: def.name,
    label: def.label,
    objCode: def.objCode,
    flags: extras?.flags ?? [],
    url: url(def.urlName),
    fields,
    references,
    collections,
    search: {},
    actions: extras?.actions ?? {},
    queries: extras?.queries ?? {},
    operations: extras?.operations ?? ["count", "get", "search"],
  };
}

function withFlags(
  flags: readonly string[] | undefined,
  body: Record<string, unknown>,
): Record<string, unknown> {
  // The fixture puts `flags` first and leaves it out when a field has none.
  return flags && flags.length > 0 ? { flags: [...flags], ...body } : body;
}

function fieldMetadata(field: FieldDef, options: MetadataOptions): unknown {
  const enumType = field.licenseEnum ? LICENSE_TYPE_ENUM : (field.enumSpec?.type ?? null);
  let possibleValues: { label: string; value: string | number }[] | undefined;
  if (field.licenseEnum) possibleValues = options.licenseTypes.map(({ label, value }) => ({ label, value }));
  else if (field.enumSpec)
    possibleValues = field.enumSpec.values.map(({ label, value }) => ({ label, value }));
  if (options.stringEnumsOnly && possibleValues?.some((option) => typeof option.value !== "string"))
    possibleValues = undefined;
  return withFlags(field.flags, {
    label: field.label,
    typeObjCode: null,
    targetTypeObjCode: null,
    fieldType: field.kind,
    enumTargetObjCode: null,
    enumType,
    url: null,
    ...(possibleValues ? { possibleValues } : {}),
  });
}

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
