import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { type ApiPath, parseApiPath, routeKey } from "./api/api-path";
import { CallContext, type HandlerEnv } from "./api/context";
import { errorResult, handleApiCall } from "./api/dispatch";
import { type EmulatorOptions, type RuntimeConfig, type StaticConfig, resolveOptions } from "./config";
import { type ControlHost, type EmulatorInfo, handleControl } from "./control/control-api";
import { errorEnvelope, noApiAt } from "./core/errors";
import { type Rng, createRng } from "./core/rng";
import { buildApiRequest, readBody } from "./http/read-request";
import { FAULTS_BEFORE_WORK, latencyFor, pickFault, sleep, throttleAnswer } from "./http/realism";
import { cdnErrorPage, sendHtml, sendJson, sendTruncatedJson, uriTooLongPage } from "./http/respond";
import { Stats } from "./http/stats";
import { OAuthApps } from "./oauth/apps";
import { OAUTH_PREFIX, handleOAuth, oauthRouteKey } from "./oauth/token-endpoints";
import { Params } from "./query/params";
import { INTEGRATION_USER_NAME } from "./seed/generate-tenant";
import { type Tenant, buildTenant, tenantAnchor } from "./tenant";

/** Two turns of the loop: the check phase, then past the close phase where socket closes land. */
const settleClosedSockets = (): Promise<void> =>
  new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

/** Requests whose URI is longer go no further than Workfront's CDN (api-basics.md limits). */
export const MAX_URI_BYTES = 8892;

/** The HTTP server: control routes, then the API pipeline (cap → latency → fault → handler → cost). */
export class EmulatorServer implements ControlHost {
  readonly statics: StaticConfig;
  readonly config: RuntimeConfig;
  readonly stats = new Stats();
  /** OAuth2 apps belong to the instance's setup: they survive a reset (their tokens do not). */
  readonly oauthApps = new OAuthApps();
  url = "";
  private current: Tenant;
  private readonly anchor: number;
  private readonly rng: Rng;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly closing = new AbortController();

  constructor(options: EmulatorOptions) {
    const { statics, runtime } = resolveOptions(options);
    this.statics = statics;
    this.config = runtime;
    this.anchor = tenantAnchor(statics.anchorDay);
    this.rng = createRng(statics.seed ^ 0x5eed);
    this.current = this.freshTenant();
    // Node's default 16 KiB header limit would answer 431 before our 414 could be sent.
    this.server = createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => void this.onRequest(req, res));
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.once("close", () => this.sockets.delete(socket));
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.statics.port, this.statics.host, () => resolve());
    });
    const address = this.server.address() as AddressInfo;
    const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
    this.url = `http://${host}:${address.port}`;
  }

  /** Closes at once, even with hanging requests: their sockets are destroyed. */
  async close(): Promise<void> {
    this.closing.abort();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  tenant(): Tenant {
    return this.current;
  }

  resetTenant(): void {
    this.current = this.freshTenant();
    this.stats.reset();
  }

  info(): EmulatorInfo {
    const data = this.current.store.data;
    const integration = this.current.store.user(data.integrationUserID);
    return {
      url: this.url,
      apiKey: this.statics.apiKey,
      integrationUser: {
        ID: data.integrationUserID,
        username: integration?.username ?? "",
        password: this.statics.demoPassword,
        name: integration?.name ?? INTEGRATION_USER_NAME,
      },
      adminUserID: data.adminUserID,
      customerID: data.customer.ID,
      users: data.users.length,
      anchorDay: this.statics.anchorDay,
    };
  }

  private freshTenant(): Tenant {
    return buildTenant(this.statics, this.anchor, (count) => (this.stats.writes += count));
  }

  private env(): HandlerEnv {
    const { store, credentials } = this.current;
    return {
      store,
      credentials,
      config: this.config,
      statics: this.statics,
      onBatchedCall: (key) => this.stats.countBatched(key),
    };
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const rawUrl = req.url ?? "/";
      const url = new URL(rawUrl, "http://emulator");
      if (url.pathname === "/__emulator" || url.pathname.startsWith("/__emulator/")) {
        await handleControl(this, req, res, url);
        return;
      }
      if (url.pathname.startsWith(OAUTH_PREFIX)) {
        await this.onOAuthRequest(req, res, url);
        return;
      }
      const path = parseApiPath(url.pathname);
      if (!path) {
        sendJson(res, 404, noApiAt(url.pathname).toEnvelope());
        return;
      }
      await this.onApiRequest(req, res, rawUrl, url, path);
    } catch (error) {
      const result = errorResult(error);
      sendJson(res, result.status, result.body);
    }
  }

  private async onApiRequest(
    req: IncomingMessage,
    res: ServerResponse,
    rawUrl: string,
    url: URL,
    path: ApiPath,
  ) {
    const started = Date.now();
    const queryParams = Params.fromSearch(url.search);
    const earlyKey = routeKey(
      (queryParams.get("method") ?? req.method ?? "GET").toUpperCase(),
      path.segments,
      queryParams,
    );
    const stats = this.stats;
    stats.total++;
    const uriBytes = Buffer.byteLength(rawUrl);
    if (uriBytes > MAX_URI_BYTES) {
      stats.countRoute(earlyKey);
      stats.uriTooLong++;
      return sendHtml(res, 414, uriTooLongPage(uriBytes));
    }
    // Let the event loop finish closing sockets whose clients already gave up (a timed-out request
    // frees its slot only when its socket's close is seen); otherwise a client that aborts one
    // request and starts the next at once would look like it ran one request too many.
    await settleClosedSockets();
    const cap = this.config.maxInFlight;
    if (cap > 0 && stats.inFlight >= cap) {
      stats.countRoute(earlyKey);
      stats.throttled++;
      const answer = throttleAnswer(this.config.throttle, cap);
      return sendJson(res, answer.status, answer.body, answer.headers);
    }
    const release = stats.admit();
    res.once("close", release);

    const body = await readBody(req);
    let request;
    try {
      request = buildApiRequest(req.method ?? "GET", url, req.headers, body, {
        readPutFormBodies: this.config.readPutFormBodies,
      });
    } catch (error) {
      stats.countRoute(earlyKey);
      const result = errorResult(error);
      return sendJson(res, result.status, result.body);
    }
    const key = routeKey(request.method, path.segments, request.params);
    stats.countRoute(key);
    const awake = await sleep(latencyFor(this.config, this.rng), this.closing.signal);
    if (!awake) return;

    const fault = pickFault(this.config, this.rng);
    if (fault) stats.faults[fault]++;
    if (fault && FAULTS_BEFORE_WORK.has(fault)) return this.injectFault(fault, req, res, key);

    const ctx = new CallContext(this.env(), request, path.version);
    const result = handleApiCall(ctx, path);
    // The cost model: the work on each object takes time, and the request keeps its slot meanwhile.
    stats.objectsCharged += ctx.objects;
    stats.rowsCharged += ctx.rows;
    const rowCost = this.config.perRowCostMs ?? this.config.perObjectCostMs;
    if (!(await sleep(ctx.objects * this.config.perObjectCostMs + ctx.rows * rowCost, this.closing.signal))) return;
    if (fault === "malformedJson") sendTruncatedJson(res, result.body);
    else sendJson(res, result.status, result.body);
    this.log(
      `${key} ${fault === "malformedJson" ? "200 (truncated)" : result.status} ${Date.now() - started}ms`,
    );
  }

  /**
   * The OAuth2 token endpoints: counted in the stats and slowed by the latency knobs, but outside
   * the API's in-flight cap and never faulted (they are a separate service in front of the API).
   */
  private async onOAuthRequest(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const started = Date.now();
    const method = (req.method ?? "GET").toUpperCase();
    const key = oauthRouteKey(method, url.pathname);
    this.stats.total++;
    this.stats.countRoute(key);
    const body = await readBody(req);
    const awake = await sleep(latencyFor(this.config, this.rng), this.closing.signal);
    if (!awake) return;
    const { store, credentials } = this.current;
    const result = handleOAuth(
      {
        apps: this.oauthApps,
        store,
        credentials,
        config: this.config,
        customerID: store.data.customer.ID,
        now: Date.now(),
      },
      { method, pathname: url.pathname, headers: req.headers, body },
    );
    sendJson(res, result.status, result.body, result.status === 401 ? { "www-authenticate": "Basic" } : {});
    this.log(`${key} ${result.status} ${Date.now() - started}ms`);
  }

  private injectFault(fault: string, req: IncomingMessage, res: ServerResponse, key: string): void {
    this.log(`${key} fault:${fault}`);
    if (fault === "error500") {
      sendJson(
        res,
        500,
        errorEnvelope("internal", "An unexpected error occurred while processing the request"),
      );
    } else if (fault === "html502") {
      sendHtml(res, 502, cdnErrorPage(`18.${this.rng.hexId().slice(0, 8)}.${Date.now()}`));
    } else if (fault === "reset") {
      req.socket.destroy();
    }
    // "hang": never answer. The client's timeout (or close()) ends the socket, which frees the slot.
  }

  private log(line: string): void {
    if (this.statics.logRequests && !this.statics.quiet) console.log(`[wf-emulator] ${line}`);
  }
}
