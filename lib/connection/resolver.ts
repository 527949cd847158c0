import "server-only";
import type { Database } from "@/lib/db";
import {
  type OAuth2Options,
  type WorkfrontClient,
  type WorkfrontClientConfig,
  WorkfrontError,
  createWorkfrontClient,
  isWorkfrontError,
} from "@/lib/workfront";
import type { ClientSettings } from "@/lib/workfront/from-env";
import type { CredentialKeyring } from "./crypto";
import { type Guard, guardedClient, notConnectedClient } from "./guarded-client";
import { MISSING_SECRET_MESSAGE } from "./keys";
import { needsRenewal, renewSession } from "./oauth-session";
import { type StoredSecret, openSecret, sealSecret } from "./secret";
import {
  type ConnectionRow,
  type WorkfrontIdentity,
  clearReconnect,
  markReconnect,
  readConnection,
  readConnectionVersion,
  replaceSecret,
} from "./store";
import type { ConnectionMethod, ConnectionState } from "./vocabulary";

/**
 * Which Workfront credential the app uses right now: WORKFRONT_API_KEY from the environment (the
 * Settings page is then locked), else the connection stored through the Settings page, else none
 * (every call fails with `not_connected`). One resolver per process (and per worker process): it
 * re-reads a tiny version row at most every `versionTtlMs`, so a connect, a disconnect or an OAuth2
 * renewal made by another instance is picked up within seconds, and at once in this process.
 */
export interface ResolverLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export interface ResolverOptions {
  db: Database;
  ring: CredentialKeyring | null;
  settings: ClientSettings;
  envConnection: Pick<WorkfrontClientConfig, "url" | "credential"> | null;
  apiKeyPlacement?: "header" | "query";
  versionTtlMs?: number;
  oauth?: OAuth2Options;
  log?: ResolverLogger;
}

export type ActiveConnection =
  | { source: "environment"; client: WorkfrontClient; tenantUrl: string }
  | { source: "stored"; client: WorkfrontClient; tenantUrl: string; connectionId: string; method: ConnectionMethod }
  | { source: "none"; client: WorkfrontClient };

/** What this process knows of the environment's key: there is no row to keep it in. */
export interface EnvConnectionState {
  state: ConnectionState;
  reconnectReason: string | null;
  reconnectAt: Date | null;
  identity: WorkfrontIdentity | null;
  lastTestedAt: Date | null;
}

const silent: ResolverLogger = { info: () => {}, warn: () => {} };

function refusalReason(error: WorkfrontError): string {
  return `Workfront refused the credential: ${error.message}`;
}

export class ConnectionResolver {
  readonly envState: EnvConnectionState = { state: "ok", reconnectReason: null, reconnectAt: null, identity: null, lastTestedAt: null };
  private stored: StoredConnection | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private checking: Promise<void> | undefined;
  private envActive: ActiveConnection | undefined;
  private readonly none: WorkfrontClient;
  readonly log: ResolverLogger;

  constructor(readonly options: ResolverOptions) {
    this.log = options.log ?? silent;
    this.none = notConnectedClient(createWorkfrontClient({ url: "http://127.0.0.1", credential: { kind: "none" } }));
  }

  get locked(): boolean {
    return this.options.envConnection !== null;
  }

  async active(): Promise<ActiveConnection> {
    const fromEnv = this.options.envConnection;
    if (fromEnv) return (this.envActive ??= this.environmentConnection(fromEnv));
    if (Date.now() - this.checkedAt >= (this.options.versionTtlMs ?? 2_000)) {
      await (this.checking ??= this.check().finally(() => (this.checking = undefined)));
    }
    const stored = this.stored;
    if (!stored) return { source: "none", client: this.none };
    return { source: "stored", client: stored.facade, tenantUrl: stored.tenantUrl, connectionId: stored.connectionId, method: stored.method };
  }

  async client(): Promise<WorkfrontClient> {
    return (await this.active()).client;
  }

  /** After a connect or disconnect in this process: the next call reads the row again. */
  invalidate(): void {
    this.checkedAt = Number.NEGATIVE_INFINITY;
  }

  private async check(): Promise<void> {
    const { db } = this.options;
    const version = await readConnectionVersion(db);
    if (!version) {
      this.stored = undefined;
    } else if (this.stored?.connectionId === version.connectionId) {
      this.stored.state = version.state;
      if (version.secretVersion !== this.stored.secretVersion) {
        const row = await readConnection(db);
        if (row?.connectionId === this.stored.connectionId) await this.stored.load(row);
      }
    } else {
      const row = await readConnection(db);
      this.stored = undefined;
      if (row) {
        const stored = new StoredConnection(this, row);
        await stored.load(row);
        this.stored = stored;
      }
    }
    this.checkedAt = Date.now();
  }

  private environmentConnection(fromEnv: NonNullable<ResolverOptions["envConnection"]>): ActiveConnection {
    const client = createWorkfrontClient({ ...this.options.settings, ...fromEnv });
    const state = this.envState;
    const guard: Guard = async (call) => {
      const started = new Date();
      try {
        const result = await call(client);
        if (state.state === "reconnect" && state.reconnectAt && state.reconnectAt < started) {
          Object.assign(state, { state: "ok", reconnectReason: null, reconnectAt: null });
        }
        return result;
      } catch (error) {
        if (isWorkfrontError(error) && error.code === "auth" && state.state === "ok") {
          Object.assign(state, { state: "reconnect", reconnectReason: refusalReason(error), reconnectAt: new Date() });
          this.log.warn({ source: "environment" }, "Workfront refused WORKFRONT_API_KEY: update it and restart");
        }
        throw error;
      }
    };
    return { source: "environment", client: guardedClient(() => client, guard), tenantUrl: new URL(fromEnv.url).origin };
  }

  /** @internal for StoredConnection */
  clientFor(tenantUrl: string, secret: StoredSecret): WorkfrontClient {
    const credential: WorkfrontClientConfig["credential"] =
      secret.kind === "apiKey"
        ? { kind: "apiKey", apiKey: secret.apiKey, placement: this.options.apiKeyPlacement ?? "header" }
        : { kind: "session", sessionID: secret.sessionId };
    return createWorkfrontClient({ ...this.options.settings, url: tenantUrl, credential });
  }
}

/** One stored connection (one connection ID): its secret, its client, and the guard around it. */
class StoredConnection {
  readonly connectionId: string;
  readonly tenantUrl: string;
  readonly method: ConnectionMethod;
  secretVersion = 0;
  state: ConnectionState;
  private secret: StoredSecret | null = null;
  /** Set when the stored blob cannot be opened: every call fails with it. */
  private broken: WorkfrontError | null = null;
  private inner: WorkfrontClient | null = null;
  private renewing: Promise<void> | undefined;
  readonly facade: WorkfrontClient;

  constructor(
    private readonly resolver: ConnectionResolver,
    row: ConnectionRow,
  ) {
    this.connectionId = row.connectionId;
    this.tenantUrl = row.tenantUrl;
    this.method = row.method;
    this.state = row.state;
    this.facade = guardedClient(() => this.inner ?? resolver.clientFor(this.tenantUrl, { kind: "apiKey", apiKey: "-" }), (call) =>
      this.guard(call),
    );
  }

  private get db(): Database {
    return this.resolver.options.db;
  }

  /** Opens the row's secret; re-seals it under the current key when an older one opened it. */
  async load(row: ConnectionRow): Promise<void> {
    this.secretVersion = row.secretVersion;
    this.state = row.state;
    const ring = this.resolver.options.ring;
    try {
      if (!ring) throw new Error(MISSING_SECRET_MESSAGE);
      const { secret, stale } = openSecret(row.sealedSecret, ring);
      this.secret = secret;
      this.inner = this.resolver.clientFor(this.tenantUrl, secret);
      this.broken = null;
      if (stale) {
        await replaceSecret(this.db, this.connectionId, sealSecret(secret, ring), { bump: false });
        this.resolver.log.info({ connectionId: this.connectionId }, "stored Workfront credential re-encrypted with the current secret");
      }
    } catch (error) {
      const reason = `The stored credential cannot be read: ${(error as Error).message}`;
      this.broken = new WorkfrontError("auth", reason);
      this.secret = null;
      this.inner = null;
      this.resolver.log.warn({ connectionId: this.connectionId }, reason);
      if (this.state === "ok") {
        await markReconnect(this.db, this.connectionId, reason);
        this.state = "reconnect";
      }
    }
  }

  private async guard<T>(call: (client: WorkfrontClient) => Promise<T>): Promise<T> {
    const started = new Date();
    if (this.broken || !this.inner) throw this.broken ?? new WorkfrontError("auth", "The stored credential is not loaded");
    try {
      if (this.secret?.kind === "oauth2" && needsRenewal(this.secret)) await this.renew(false);
      let result: T;
      try {
        result = await call(this.inner);
      } catch (error) {
        // An OAuth2 session may end early (Workfront restarted, an admin ended it): renew once.
        if (!(isWorkfrontError(error) && error.code === "auth" && this.secret?.kind === "oauth2")) throw error;
        await this.renew(true);
        result = await call(this.inner);
      }
      if (this.state === "reconnect") {
        this.state = "ok";
        await clearReconnect(this.db, this.connectionId, started);
      }
      return result;
    } catch (error) {
      if (isWorkfrontError(error) && error.code === "auth") await this.refused(error);
      throw error;
    }
  }

  private async refused(error: WorkfrontError): Promise<void> {
    if (this.state === "reconnect") return;
    this.state = "reconnect";
    this.resolver.log.warn({ connectionId: this.connectionId, method: this.method }, "Workfront refused the stored credential: reconnect needed");
    await markReconnect(this.db, this.connectionId, refusalReason(error)).catch((dbError: unknown) =>
      this.resolver.log.warn({ err: dbError }, "could not record the reconnect state"),
    );
  }

  /** One renewal at a time per process; another instance's fresher session is used if there is one. */
  private renew(force: boolean): Promise<void> {
    this.renewing ??= this.doRenew(force).finally(() => (this.renewing = undefined));
    return this.renewing;
  }

  private async doRenew(force: boolean): Promise<void> {
    const { ring, oauth } = this.resolver.options;
    const row = await readConnection(this.db);
    if (!row || row.connectionId !== this.connectionId || !ring) {
      throw new WorkfrontError("auth", "The Workfront connection was removed or replaced");
    }
    if (row.secretVersion !== this.secretVersion) {
      await this.load(row);
      const fresh = this.secret;
      if (fresh?.kind === "oauth2" && !needsRenewal(fresh)) return;
    }
    const secret = this.secret;
    if (secret?.kind !== "oauth2") return;
    if (!force && !needsRenewal(secret)) return;
    const renewed = await renewSession(this.tenantUrl, secret, oauth);
    const version = await replaceSecret(this.db, this.connectionId, sealSecret(renewed, ring), { bump: true });
    this.secret = renewed;
    this.inner = this.resolver.clientFor(this.tenantUrl, renewed);
    if (version !== null) this.secretVersion = version;
    this.resolver.log.info({ connectionId: this.connectionId, expiresAt: renewed.sessionExpiresAt }, "Workfront OAuth2 session renewed");
  }
}
