import { WfError } from "../core/errors";
import { objectMetadata } from "../model/metadata";
import type { ObjectDef } from "../model/schema";
import type { Row } from "../model/types";
import { compileProjection } from "../query/projection";
import { countRows, searchRows } from "../query/search";
import { type ApiResult, type CallContext, ok } from "./context";

const ID_PATTERN = /^[0-9a-f]{32}$/;

/**
 * Turns an ID from the path or `id=` into a stored ID: `$$USER` is the caller, `$$CUSTOMER` the
 * tenant. Anything that is not 32 lowercase hex characters is refused before any lookup.
 */
export function resolveId(ctx: CallContext, def: ObjectDef, raw: string): string {
  if (raw === "$$USER" && def.objCode === "USER") return ctx.user().ID;
  if (raw === "$$CUSTOMER" && def.objCode === "CUST") return ctx.env.store.data.customer.ID;
  if (!ID_PATTERN.test(raw)) throw new WfError("invalidParameter", `Invalid ID "${raw}" for ${def.name}`);
  return raw;
}

export function findOrThrow(ctx: CallContext, def: ObjectDef, id: string): Row {
  const row = ctx.env.store.find(def.objCode, id);
  if (!row) throw new WfError("notFound", `Could not find ${def.name} with ID ${id}`);
  return row;
}

/** GET /<obj>/<ID>: `data` is the object itself. */
export function getOne(ctx: CallContext, def: ObjectDef, rawId: string): ApiResult {
  ctx.user();
  const projection = compileProjection(ctx.env.store, def, ctx.request.params, ctx.apiVersion);
  return ok(projection.shape(findOrThrow(ctx, def, resolveId(ctx, def, rawId))));
}

/** GET /<obj>?id=A,B or ?id=A&id=B: an array, except that one ID answers one object. */
export function getMany(ctx: CallContext, def: ObjectDef): ApiResult {
  ctx.user();
  const ids = ctx.request.params
    .getAll("id")
    .flatMap((value) => value.split(","))
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  if (ids.length === 0)
    throw new WfError("invalidParameter", `Missing required parameter "id" for ${def.name}`);
  const projection = compileProjection(ctx.env.store, def, ctx.request.params, ctx.apiVersion);
  const rows = ids.map((raw) => {
    ctx.charge(1, "read");
    return projection.shape(findOrThrow(ctx, def, resolveId(ctx, def, raw)));
  });
  return ok(rows.length === 1 ? rows[0] : rows);
}

/** GET /<obj>/search: an array, or with `map=true` an object keyed by ID. */
export function search(ctx: CallContext, def: ObjectDef): ApiResult {
  const env = ctx.queryEnv();
  const table = env.store.tables[def.objCode];
  const projection = compileProjection(env.store, def, ctx.request.params, ctx.apiVersion);
  const rows = searchRows(env, table, ctx.request.params);
  ctx.charge(rows.length, "read");
  if (ctx.request.params.flag("map")) {
    const byId: Record<string, unknown> = {};
    for (const row of rows) byId[String(row.ID)] = projection.shape(row);
    return ok(byId);
  }
  return ok(rows.map((row) => projection.shape(row)));
}

/** GET /<obj>/count: `{"data":{"count":N}}` (Adobe's fixture; the docs drop the envelope). */
export function count(ctx: CallContext, def: ObjectDef): ApiResult {
  const env = ctx.queryEnv();
  return ok({ count: countRows(env, env.store.tables[def.objCode], ctx.request.params) });
}

export function metadata(ctx: CallContext, def: ObjectDef, apiBase: string): ApiResult {
  ctx.user();
  return ok(
    objectMetadata(def, {
      licenseTypes: ctx.env.statics.licenseTypes,
      // Absolute, as in the fixture ("http://localhost:8080/attask/api-internal/role/metadata").
      apiBase: `${requestOrigin(ctx)}${apiBase}`,
      stringEnumsOnly: ctx.env.config.stringEnumsOnly,
    }),
  );
}

function requestOrigin(ctx: CallContext): string {
  const host = ctx.request.headers.host;
  return host ? `http://${host}` : "";
}
