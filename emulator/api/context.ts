import type { RuntimeConfig, StaticConfig } from "../config";
import type { ApiRequest } from "../http/read-request";
import type { QueryEnv } from "../query/filters";
import type { CredentialStore } from "../store/credential-store";
import type { TenantStore } from "../store/tenant-store";
import type { UserRecord } from "../model/types";
import { authenticate } from "./auth";

/** Everything a handler may touch. `config` is the live object PATCH /__emulator/config edits. */
export interface HandlerEnv {
  store: TenantStore;
  credentials: CredentialStore;
  config: RuntimeConfig;
  statics: StaticConfig;
  /** Counts the calls inside a /batch (stats.batchedByRoute). */
  onBatchedCall?: (routeKey: string) => void;
}

/** A JSON answer: `{data}` or `{error}` with its HTTP status. */
export interface ApiResult {
  status: number;
  body: unknown;
}

export const ok = (data: unknown): ApiResult => ({ status: 200, body: { data } });

/** One API call being served: the request, its version and (once asked for) its caller. */
export class CallContext {
  private caller: UserRecord | undefined;
  /** Objects this call wrote that the cost model charges for (`perObjectCostMs`): each updated object of a bulk edit, each URI of a /batch. */
  objects = 0;
  /** Rows this call read that the cost model charges for (`perRowCostMs`): each ID of a get-many, each row a search returns. */
  rows = 0;

  constructor(
    readonly env: HandlerEnv,
    readonly request: ApiRequest,
    /** "21.0"; the unversioned path uses the newest version. */
    readonly version: string,
    /** The batch's caller, inherited by its sub-requests. */
    inheritedCaller?: UserRecord,
  ) {
    this.caller = inheritedCaller;
  }

  /** Counts objects written, or rows read, for the cost model. */
  charge(count: number, kind: "write" | "read" = "write"): void {
    if (kind === "read") this.rows += count;
    else this.objects += count;
  }

  get apiVersion(): string {
    return `V${this.version.replace(".", "_")}`;
  }

  /** The credential's user; throws the 401 envelope when there is no valid credential. */
  user(): UserRecord {
    this.caller ??= authenticate(this.env, this.request);
    return this.caller;
  }

  queryEnv(): QueryEnv {
    return {
      store: this.env.store,
      apiVersion: this.apiVersion,
      currentUserID: this.user().ID,
      now: Date.now(),
    };
  }
}
