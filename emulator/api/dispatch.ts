import { WfError, errorEnvelope, noApiAt } from "../core/errors";
import { globalMetadata } from "../model/metadata";
import { findObjectDef, type ObjectDef } from "../model/schema";
import type { ApiPath } from "./api-path";
import { runBatch } from "./batch";
import { report } from "./report";
import { type ApiResult, type CallContext, ok } from "./context";
import { editMany, editOne } from "./edit-handlers";
import { count, getMany, getOne, metadata, resolveId, search, findOrThrow } from "./read-handlers";
import { login, logout, objectAction, userCollectionAction } from "./user-actions";
import { versionAnswers } from "./versions";

const COLLECTION_ENDPOINTS = new Set(["search", "count", "report", "metadata"]);

/** Runs one API call and always answers: a handler's WfError becomes its envelope and status. */
export function handleApiCall(ctx: CallContext, path: ApiPath): ApiResult {
  try {
    return dispatch(ctx, path);
  } catch (error) {
    return errorResult(error);
  }
}

export function errorResult(error: unknown): ApiResult {
  if (error instanceof WfError) return { status: error.status, body: error.toEnvelope() };
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, body: errorEnvelope("internal", `Unexpected error: ${message}`) };
}

function dispatch(ctx: CallContext, path: ApiPath): ApiResult {
  const config = ctx.env.config;
  if (!versionAnswers(path, config.anyVersion)) throw noApiAt(ctx.request.pathname);
  const [head, ...rest] = path.segments;
  if (head === undefined) throw new WfError("apiModel", "Unknown object type: (none)");
  if (rest.length === 0) {
    switch (head.toLowerCase()) {
      case "batch":
        // Not in Adobe's API docs (only the official client has it): served only when asked for.
        if (!config.batch) throw noApiAt(ctx.request.pathname);
        return runBatch(ctx, path, handleApiCall);
      case "login":
        return login(ctx);
      case "logout":
        return logout(ctx);
      case "metadata":
        ctx.user();
        return ok(globalMetadata(path.base));
    }
  }
  const def = findObjectDef(head);
  if (!def) throw new WfError("apiModel", `Unknown object type: ${head}`);
  return dispatchObject(ctx, def, rest, path.base);
}

function dispatchObject(ctx: CallContext, def: ObjectDef, rest: string[], base: string): ApiResult {
  const method = ctx.request.method;
  const action = ctx.request.params.get("action");
  const [first, second, ...more] = rest;
  const unsupported = (what: string): never => {
    ctx.user();
    throw new WfError("invalidParameter", `${what} is not supported by the emulator (${method} ${def.name})`);
  };

  if (first === undefined) {
    if (action !== undefined && (method === "PUT" || method === "POST")) {
      return def.objCode === "USER" ? userCollectionAction(ctx, action) : objectAction(ctx, def.name, action);
    }
    if (method === "GET") return getMany(ctx, def);
    if (method === "PUT") return editMany(ctx, def);
    return unsupported(method === "POST" ? "Creating objects" : "Deleting objects");
  }
  if (more.length > 0) return unsupported(`The path /${rest.join("/")}`);

  const endpoint = first.toLowerCase();
  if (second === undefined && COLLECTION_ENDPOINTS.has(endpoint)) {
    if (method !== "GET") return unsupported(`${method} on /${endpoint}`);
    if (endpoint === "search") return search(ctx, def);
    if (endpoint === "count") return count(ctx, def);
    if (endpoint === "report") return report(ctx, def);
    return metadata(ctx, def, base);
  }

  // From here `first` is an ID: /user/<ID> or /user/<ID>/<action>.
  const actionName = second ?? (method === "GET" ? undefined : action);
  if (actionName !== undefined) {
    if (method !== "PUT" && method !== "POST") return unsupported(`${method} on an action`);
    ctx.user();
    findOrThrow(ctx, def, resolveId(ctx, def, first));
    return objectAction(ctx, def.name, actionName);
  }
  if (method === "GET") return getOne(ctx, def, first);
  if (method === "PUT") return editOne(ctx, def, first);
  ctx.user();
  findOrThrow(ctx, def, resolveId(ctx, def, first));
  return unsupported(method === "POST" ? "POST on an object" : "Deleting objects");
}
