import type { ObjCode } from "./types";

/**
 * The shape of the emulator's object table: each object's fields (with their wire type), its
 * references (`accessLevel` → ACSLVL via `accessLevelID`), the default field subset returned
 * without `fields`, and the names the URL may use for it.
 */

/** The `fieldType` values Adobe's fixture uses (fixtures/metadata.json). */
export type FieldKind = "string" | "int" | "double" | "boolean" | "dateTime";

/** A fixed list of values, as metadata's `possibleValues` shows it. */
export interface EnumSpec {
  /** Java enum class named in metadata's `enumType`. */
  type: string;
  values: readonly { label: string; value: number | string }[];
}

export interface FieldDef {
  name: string;
  label: string;
  kind: FieldKind;
  /** USER fields a PUT may change. */
  writable?: boolean;
  /** A PUT may set it to null (or "" for strings). */
  nullable?: boolean;
  /** The field's values are the configured licence types (shown as possibleValues in metadata). */
  licenseEnum?: boolean;
  /** A fixed enum (e.g. defaultInterface's integers); a PUT must use one of its values. */
  enumSpec?: EnumSpec;
  /** A work object's person field: a write must name an existing, active user. */
  userRef?: boolean;
  /** Metadata flags, from the fixture's vocabulary: NOT_GROUPABLE, CURRENCY, RESTRICTABLE. */
  flags?: readonly string[];
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
  /** References and collections metadata lists but the emulator does not serve. */
  unserved?: ReadonlySet<string>;
}

export type FieldSpec = [
  name: string,
  label: string,
  kind: FieldKind,
  flags?: Omit<FieldDef, "name" | "label" | "kind">,
];

export function defineObject(spec: {
  objCode: ObjCode;
  name: string;
  label: string;
  urlName: string;
  fields: FieldSpec[];
  references: [name: string, label: string, objCode: ObjCode, idField: string][];
  defaultFields: string[];
  unserved?: ReadonlySet<string>;
}): ObjectDef {
  const fields = new Map<string, FieldDef>();
  for (const [name, label, kind, extra] of spec.fields) fields.set(name, { name, label, kind, ...extra });
  const references = new Map<string, ReferenceDef>();
  for (const [name, label, objCode, idField] of spec.references)
    references.set(name, { name, label, objCode, idField });
  return { ...spec, fields, references };
}
