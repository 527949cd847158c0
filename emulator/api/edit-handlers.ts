import { WfError } from "../core/errors";
import type { ObjectDef } from "../model/schema";
import type { Row } from "../model/types";
import { WORK_DEFS } from "../model/work-defs";
import { isReservedParam } from "../query/params";
import { compileProjection } from "../query/projection";
import { type ApiResult, type CallContext, ok } from "./context";
import { resolveId } from "./read-handlers";
import { applyUserUpdate } from "./user-updates";
import { applyWorkUpdate } from "./work-updates";

/** Workfront caps bulk create/update at 100 objects per call (api-basics.md limits table). */
export const MAX_BULK_UPDATES = 100;

/**
 * Where a PUT's updates come from, in order: an `updates=` parameter (query or form), a JSON body,
 * or plain `field=value` parameters (`PUT /user/<ID>?isActive=false`). Undefined when none.
 */
export function readUpdates(ctx: CallContext): unknown {
  const raw = ctx.request.params.get("updates");
  if (raw !== undefined) {
    try {
      return JSON.parse(raw);
    } catch (error) {
      throw new WfError("json", `Invalid updates JSON: ${(error as Error).message}`);
    }
  }
  if (ctx.request.json !== undefined) return ctx.request.json;
  const plain = ctx.request.params.entries.filter(([key]) => !isReservedParam(key));
  if (plain.length === 0) return undefined;
  return Object.fromEntries(plain);
}

const EDITABLE_WORK = new Set<string>(Object.keys(WORK_DEFS));

/** Users, and the person fields of the work objects a leaver may hold; nothing else is edited. */
function requireEditable(def: ObjectDef): (ctx: CallContext, id: string, updates: unknown) => Row {
  if (def.objCode === "USER") return applyUserUpdate;
  if (EDITABLE_WORK.has(def.objCode)) return (ctx, id, updates) => applyWorkUpdate(ctx, def, id, updates);
  throw new WfError("invalidParameter", `The emulator does not support editing ${def.name} objects`);
}

/** PUT /user/<ID>: the answer is the updated object, shaped by `fields` like a GET. */
export function editOne(ctx: CallContext, def: ObjectDef, rawId: string): ApiResult {
  ctx.user();
  const apply = requireEditable(def);
  const id = resolveId(ctx, def, rawId);
  const projection = compileProjection(ctx.env.store, def, ctx.request.params, ctx.apiVersion);
  const updates = readUpdates(ctx) ?? {};
  if (Array.isArray(updates))
    throw new WfError(
      "invalidParameter",
      `A list of updates needs PUT /${def.urlName}, not /${def.urlName}/<ID>`,
    );
  return ok(projection.shape(apply(ctx, id, updates)));
}

/**
 * PUT /user with an array of updates, each carrying its ID (at most 100). Without `atomic` each
 * update is committed as it goes and the first failure ends the request with that error (the
 * earlier ones stay applied). With `atomic=true` everything is undone on any failure and success is
 * answered with `{"success":true}` only (api-basics.md "Bulk Updates").
 */
export function editMany(ctx: CallContext, def: ObjectDef): ApiResult {
  ctx.user();
  const apply = requireEditable(def);
  const updates = readUpdates(ctx);
  const idParam = ctx.request.params.get("id");
  if (!Array.isArray(updates)) {
    if (idParam !== undefined && !idParam.includes(",")) return editOne(ctx, def, idParam);
    throw new WfError("invalidParameter", "PUT /user needs an updates array (or an ID in the path)");
  }
  if (updates.length > MAX_BULK_UPDATES) {
    throw new WfError(
      "invalidParameter",
      `Bulk updates are limited to ${MAX_BULK_UPDATES} objects per request (got ${updates.length})`,
    );
  }
  const ids = updates.map((item: unknown, index) => {
    const id = (item as { ID?: unknown } | null)?.ID;
    if (typeof item !== "object" || item === null || typeof id !== "string") {
      throw new WfError("invalidParameter", `Bulk update #${index + 1} has no ID`);
    }
    return resolveId(ctx, def, id);
  });
  const projection = compileProjection(ctx.env.store, def, ctx.request.params, ctx.apiVersion);
  const atomic = ctx.request.params.flag("atomic");
  const store = ctx.env.store;
  if (atomic) store.begin();
  try {
    const results = updates.map((item, index) => {
      ctx.charge(1);
      return projection.shape(apply(ctx, ids[index]!, item));
    });
    if (atomic) store.commit();
    return atomic ? ok({ success: true }) : ok(results);
  } catch (error) {
    if (atomic) store.rollback();
    throw error;
  }
}
