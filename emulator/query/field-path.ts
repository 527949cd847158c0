import { WfError, unknownName } from "../core/errors";
import { OBJECT_DEFS, type FieldDef, type ObjectDef } from "../model/schema";
import type { FieldValue, Row } from "../model/types";
import type { TenantStore } from "../store/tenant-store";

/** Workfront allows at most four hops from the queried object (api-basics.md). */
export const MAX_REFERENCE_DEPTH = 4;

export interface ResolvedPath {
  path: string;
  field: FieldDef;
  /** True for a field of the queried object itself, false for `ref:field`. */
  direct: boolean;
  /** The queried object's field read first: the field itself, or the reference's ID field. */
  baseField: string;
  get(row: Row): FieldValue;
}

/** Resolves `isActive`, `accessLevel:isAdmin` or `manager:homeGroup:name` against the schema. */
export function resolveFieldPath(
  store: TenantStore,
  def: ObjectDef,
  path: string,
  apiVersion: string,
): ResolvedPath {
  const segments = path.split(":");
  if (segments.length - 1 > MAX_REFERENCE_DEPTH) {
    throw new WfError(
      "invalidParameter",
      `Field path ${path} is deeper than ${MAX_REFERENCE_DEPTH} references`,
    );
  }
  const hops: { idField: string; target: ObjectDef }[] = [];
  let current = def;
  for (const segment of segments.slice(0, -1)) {
    const ref = current.references.get(segment);
    if (!ref) throw unknownName(current, segment, apiVersion);
    hops.push({ idField: ref.idField, target: OBJECT_DEFS[ref.objCode] });
    current = OBJECT_DEFS[ref.objCode];
  }
  const leaf = segments[segments.length - 1] ?? "";
  const field = current.fields.get(leaf);
  if (!field) throw unknownName(current, leaf, apiVersion);

  const firstHop = hops[0];
  if (!firstHop) return { path, field, direct: true, baseField: leaf, get: (row) => row[leaf] ?? null };
  const get = (row: Row): FieldValue => {
    let target: Row | undefined = row;
    for (const hop of hops) {
      const id: FieldValue | undefined = target[hop.idField];
      target = typeof id === "string" ? store.find(hop.target.objCode, id) : undefined;
      if (!target) return null;
    }
    return target[leaf] ?? null;
  };
  return { path, field, direct: false, baseField: firstHop.idField, get };
}

/** "V21_0" from "21.0": the spelling real error messages use. */
export function apiVersionLabel(version: string): string {
  return `V${version.replace(".", "_")}`;
}
