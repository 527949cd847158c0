import { WfError } from "../core/errors";
import { effectiveVerb } from "../http/read-request";
import { Params } from "../query/params";
import { type ApiPath, parseApiPath, routeKey } from "./api-path";
import { type ApiResult, CallContext, ok } from "./context";

type RunCall = (ctx: CallContext, path: ApiPath) => ApiResult;

/**
 * POST <base>/batch with repeated `uri=` (relative to the version base, no leading slash, each
 * with its own `method=`; GET when absent). The batch authenticates once and its sub-requests run
 * as that caller, in order. Non-atomic: `{"data":[{"data":…},{"error":…}]}`, one per URI.
 * Atomic: everything is undone at the first error, which becomes the whole answer; otherwise
 * `{"data":{"success":true}}`. `concurrent=true` is accepted; the order of effects is the same.
 */
export function runBatch(ctx: CallContext, path: ApiPath, run: RunCall): ApiResult {
  const uris = ctx.request.params.getAll("uri");
  if (uris.length === 0) throw new WfError("invalidParameter", "A batch needs at least one uri parameter");
  const caller = ctx.user();
  const atomic = ctx.request.params.flag("atomic");
  const store = ctx.env.store;
  if (atomic) store.begin();
  const results: unknown[] = [];
  for (const uri of uris) {
    ctx.charge(1);
    const result = runOne(ctx, path, uri, caller, run);
    if (atomic && result.status >= 400) {
      store.rollback();
      return result;
    }
    results.push(result.body);
  }
  if (atomic) {
    store.commit();
    return ok({ success: true });
  }
  return ok(results);
}

function runOne(
  ctx: CallContext,
  outer: ApiPath,
  uri: string,
  caller: ReturnType<CallContext["user"]>,
  run: RunCall,
): ApiResult {
  try {
    const relative = uri.replace(/^\/+/, "");
    const url = new URL(
      relative.toLowerCase().startsWith("attask/") ? `/${relative}` : `${outer.base}/${relative}`,
      "http://batch",
    );
    const path = parseApiPath(url.pathname);
    if (!path) throw new WfError("invalidParameter", `Batch URI is not an API path: ${uri}`);
    if (path.segments[0]?.toLowerCase() === "batch")
      throw new WfError("invalidParameter", "A batch cannot contain a batch");
    const params = Params.fromSearch(url.search);
    const method = effectiveVerb("GET", params);
    ctx.env.onBatchedCall?.(routeKey(method, path.segments, params));
    const request = { method, pathname: url.pathname, params, json: undefined, headers: ctx.request.headers };
    return run(new CallContext(ctx.env, request, path.version, caller), path);
  } catch (error) {
    if (error instanceof WfError) return { status: error.status, body: error.toEnvelope() };
    throw error;
  }
}
