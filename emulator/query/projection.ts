import { WfError, unknownName } from "../core/errors";
import { formatWfDate } from "../core/wf-date";
import { OBJECT_DEFS, type ObjectDef, type ReferenceDef } from "../model/schema";
import type { Row } from "../model/types";
import type { TenantStore } from "../store/tenant-store";
import { MAX_REFERENCE_DEPTH } from "./field-path";
import type { Params } from "./params";

/**
 * The `fields` parameter. Without it an object's default subset comes back; with it, the named
 * fields plus ID, name and objCode. `*` means every direct field; a reference alone gives
 * `{ID,name,objCode}` and `ref:field` / `ref:*` add to it (api-basics.md "fields").
 */
export type JsonObject = { [key: string]: unknown };

interface Node {
  def: ObjectDef;
  /** Output keys in request order; "*" expands to all direct fields at its position. */
  items: (string | { ref: ReferenceDef; node: Node })[];
}

const CORE_FIELDS = ["ID", "name", "objCode"];

export interface Projection {
  shape(row: Row): JsonObject;
}

export function compileProjection(
  store: TenantStore,
  def: ObjectDef,
  params: Params,
  apiVersion: string,
): Projection {
  const requested = params
    .getAll("fields")
    .flatMap((value) => value.split(","))
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  const root: Node = { def, items: [] };
  if (requested.length === 0) root.items.push(...def.defaultFields);
  for (const path of requested) addPath(root, path.split(":"), apiVersion, 0);
  return { shape: compileNode(store, root) };
}

function addPath(node: Node, segments: string[], apiVersion: string, depth: number): void {
  const [head = "", ...rest] = segments;
  if (rest.length === 0) {
    if (head === "*" || node.def.fields.has(head)) {
      node.items.push(head);
      return;
    }
    const ref = node.def.references.get(head);
    if (!ref) throw unknownName(node.def, head, apiVersion);
    childFor(node, ref);
    return;
  }
  const ref = node.def.references.get(head);
  if (!ref) throw unknownName(node.def, head, apiVersion);
  if (depth + 1 > MAX_REFERENCE_DEPTH) {
    throw new WfError("invalidParameter", `Fields may go at most ${MAX_REFERENCE_DEPTH} references deep`);
  }
  addPath(childFor(node, ref), rest, apiVersion, depth + 1);
}

function childFor(node: Node, ref: ReferenceDef): Node {
  for (const item of node.items) if (typeof item !== "string" && item.ref.name === ref.name) return item.node;
  const child: Node = { def: OBJECT_DEFS[ref.objCode], items: [] };
  node.items.push({ ref, node: child });
  return child;
}

/** One output key of a compiled projection. */
type Step =
  | { key: string; ref?: undefined; date: boolean }
  | { key: string; ref: ReferenceDef; shape: (row: Row) => JsonObject; memo: Map<string, JsonObject> };

/**
 * Compiles a node into a list of steps once per request, so that shaping 2000 rows does no
 * name lookups or de-duplication per row. A referenced object (an access level, a home group) is
 * shaped once per request and shared by every row that points at it.
 */
function compileNode(store: TenantStore, node: Node): (row: Row) => JsonObject {
  const steps: Step[] = [];
  const seen = new Set<string>();
  const addField = (field: string): void => {
    const def = node.def.fields.get(field);
    if (!def || seen.has(field)) return;
    seen.add(field);
    steps.push({ key: field, date: def.kind === "dateTime" });
  };
  CORE_FIELDS.forEach(addField);
  for (const item of node.items) {
    if (item === "*") node.def.fields.forEach((_, field) => addField(field));
    else if (typeof item === "string") addField(item);
    else if (!seen.has(item.ref.name)) {
      seen.add(item.ref.name);
      steps.push({
        key: item.ref.name,
        ref: item.ref,
        shape: compileNode(store, item.node),
        memo: new Map(),
      });
    }
  }
  return (row) => {
    const out: JsonObject = {};
    for (const step of steps) {
      if (step.ref === undefined) {
        const value = row[step.key] ?? null;
        out[step.key] = step.date && typeof value === "number" ? formatWfDate(value) : value;
        continue;
      }
      const id = row[step.ref.idField];
      if (typeof id !== "string") {
        out[step.key] = null;
        continue;
      }
      let shaped = step.memo.get(id);
      if (shaped === undefined) {
        const target = store.find(step.ref.objCode, id);
        shaped = target ? step.shape(target) : undefined;
        if (shaped) step.memo.set(id, shaped);
      }
      out[step.key] = shaped ?? null;
    }
    return out;
  };
}
