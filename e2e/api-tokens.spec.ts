import { createHash, randomBytes, randomUUID } from "node:crypto";
import { type APIRequestContext, request as playwrightRequest } from "@playwright/test";
import pg from "pg";
import type { RunningEmulator } from "../emulator";
import { openEmbeddedServer } from "../lib/db/embedded/server";
import { apiSignIn } from "./support/api-session";
import { type RunningApp, startApp, startExtraEmulator } from "./support/app-process";
import { type Role, demoAccounts, expect, test } from "./support/fixtures";
import { blockedAmong } from "./support/people";
import { extraAppPorts } from "./support/servers";
import type { UserDto } from "../lib/offboarding/user-dto";

/**
 * API tokens over HTTP, against `next start` on its embedded database (which the test joins, to
 * read what the app writes): a token of each role gets the answers a session of that role gets, across every
 * operation of the API's own description; expired and revoked tokens get 401; a token is limited
 * per token; only its hash is stored and it is never logged; the leavers feed with one
 * Idempotency-Key twice creates one job, attributed to the token and its creator.
 */
const RATE_LIMIT = 100;

let emulator: RunningEmulator;
let app: RunningApp;
let databaseUrl: string;
const sessions = {} as Record<Role, APIRequestContext>;
const tokens = {} as Record<"viewer" | "operator", { id: string; token: string }>;
/** Every token this spec sees, to look for in the database and the server's output at the end. */
const seen: string[] = [];

async function sql<T = Record<string, unknown>>(query: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return (await client.query(query, values)).rows as T[];
  } finally {
    await client.end();
  }
}

async function createToken(role: "viewer" | "operator", name: string): Promise<{ id: string; token: string }> {
  const response = await sessions.admin.post("/api/admin/tokens", { data: { name, role } });
  expect(response.status(), await response.text()).toBe(201);
  const created = (await response.json()) as { id: string; token: string };
  seen.push(created.token);
  return created;
}

const bearer = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra });

/** A request of the operation with a body no handler accepts: 403 before it when not allowed, 415 after. */
async function statusOf(context: APIRequestContext, method: string, path: string, headers: Record<string, string> = {}): Promise<number> {
  const response = await context.fetch(path, {
    method,
    headers: method === "GET" ? headers : { ...headers, "content-type": "text/plain" },
    ...(method === "GET" ? {} : { data: "x" }),
    maxRedirects: 0,
  });
  await response.body();
  return response.status();
}

/** Path parameters that name nobody: a Workfront ID for /api/users/{id}, a UUID elsewhere. */
function concrete(path: string): string {
  return path.replace("{id}", path.startsWith("/api/users/") ? "0123456789abcdef0123456789abcdef" : randomUUID());
}

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(async () => {
  // Starting a server of its own takes longer than a test's default on a busy machine.
  test.setTimeout(120_000);
  emulator = await startExtraEmulator();
  // Everything logged, so the leak check sees all a log could hold.
  app = await startApp("tokens", extraAppPorts.tokens, { API_TOKEN_RATE_LIMIT: String(RATE_LIMIT), LOG_LEVEL: "debug", WORKFRONT_LOG_REQUESTS: "true" });
  // The app's own server, joined (not started) by this process.
  databaseUrl = (await openEmbeddedServer(app.databaseDir)).url;
  for (const role of ["admin", "operator", "viewer"] as const) {
    sessions[role] = await playwrightRequest.newContext({ baseURL: app.url });
    expect(await apiSignIn(sessions[role], demoAccounts[role].email, demoAccounts[role].password)).toBeNull();
  }
  tokens.viewer = await createToken("viewer", "Reports");
  tokens.operator = await createToken("operator", "HR feed");
});

test.afterAll(async () => {
  for (const context of Object.values(sessions)) await context.dispose();
  await app?.stop();
  await emulator?.close();
});

test("a token of each role gets the answers a session of that role gets, for every operation of the API description", async () => {
  const document = (await (await sessions.viewer.get("/api/openapi.json")).json()) as { paths: Record<string, Record<string, { "x-role": string | null }>> };
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).flatMap(([method, operation]) => (operation["x-role"] ? [{ method: method.toUpperCase(), path, role: operation["x-role"] }] : [])),
  );
  expect(operations.length).toBeGreaterThan(30);
  const anonymous = await playwrightRequest.newContext({ baseURL: app.url });
  for (const role of ["viewer", "operator"] as const) {
    const differences: string[] = [];
    const statuses = new Set<number>();
    for (const operation of operations) {
      const path = concrete(operation.path);
      const bySession = await statusOf(sessions[role], operation.method, path);
      const byToken = await statusOf(anonymous, operation.method, path, bearer(tokens[role].token));
      statuses.add(byToken);
      if (bySession !== byToken) differences.push(`${operation.method} ${operation.path}: session ${bySession}, token ${byToken}`);
      // Admin operations are refused to every token, whatever its role.
      if (operation.role === "admin") expect(byToken, `${operation.method} ${operation.path}`).toBe(403);
    }
    // The one exception: the users table's columns are a person's own choice, not a script's.
    expect(differences, role).toEqual([`PUT /api/preferences/users-columns: session 415, token 403`]);
    // The matrix did reach handlers (415: allowed, body refused) and refusals (403), not only 401s.
    expect([...statuses]).toEqual(expect.arrayContaining([200, 403, 415]));
    expect(statuses.has(401)).toBe(false);
  }
  await anonymous.dispose();
});

test("a token request is the token's alone: no Origin check, no session rights from cookies beside it", async () => {
  const anonymous = await playwrightRequest.newContext({ baseURL: app.url });
  const path = "/api/users/0123456789abcdef0123456789abcdef/deactivate";
  const evil = { origin: "https://evil.example" };
  // Cookies: the Origin check still refuses a cross-site request.
  const cookie = await sessions.operator.post(path, { headers: { ...evil, "content-type": "text/plain" }, data: "x" });
  expect(cookie.status()).toBe(403);
  expect((await cookie.json()).error.code).toBe("cross_origin");
  // A token: no Origin check (a browser never sends one cross-site); the handler answers.
  expect(await statusOf(anonymous, "POST", path, bearer(tokens.operator.token, evil))).toBe(415);
  // An admin's session cookie beside a viewer token: the request has the viewer token's rights only.
  expect(await statusOf(sessions.admin, "GET", "/api/admin/tokens", bearer(tokens.viewer.token))).toBe(403);
  expect(await statusOf(sessions.admin, "GET", "/api/admin/tokens")).toBe(200);
  await anonymous.dispose();
});

test("an expired, a revoked or an unknown token gets 401, and so does no token at all", async () => {
  const anonymous = await playwrightRequest.newContext({ baseURL: app.url });
  const get = async (token?: string) => {
    const response = await anonymous.get("/api/jobs?pageSize=25", { headers: token ? bearer(token) : {} });
    return { status: response.status(), code: response.ok() ? null : ((await response.json()) as { error: { code: string } }).error.code };
  };
  const expiring = await createToken("viewer", "Expiring");
  const revoking = await createToken("operator", "Revoking");
  expect(await get(expiring.token)).toEqual({ status: 200, code: null });
  expect(await get(revoking.token)).toEqual({ status: 200, code: null });

  await sql("update api_tokens set created_at = now() - interval '2 days', expires_at = now() - interval '1 second' where id = $1", [expiring.id]);
  expect(await get(expiring.token)).toEqual({ status: 401, code: "invalid_token" });

  const revoked = await sessions.admin.post("/api/admin/tokens/revoke", { data: { id: revoking.id } });
  expect(revoked.status()).toBe(200);
  expect(await get(revoking.token)).toEqual({ status: 401, code: "invalid_token" });

  expect(await get(`wfo_${randomBytes(32).toString("base64url")}`)).toEqual({ status: 401, code: "invalid_token" });
  expect(await get()).toEqual({ status: 401, code: "unauthenticated" });
  // The list says which is which, with the creator and the last use.
  const listed = ((await (await sessions.admin.get("/api/admin/tokens")).json()) as { tokens: { id: string; revokedAt: string | null; lastUsedAt: string | null; createdByEmail: string }[] }).tokens;
  expect(listed.find((token) => token.id === revoking.id)).toMatchObject({ revokedAt: expect.any(String), lastUsedAt: expect.any(String), createdByEmail: demoAccounts.admin.email });
  expect(JSON.stringify(listed)).not.toContain(revoking.token);
  await anonymous.dispose();
});

test(`past ${RATE_LIMIT} requests a minute a token gets 429 with Retry-After; another token is not affected`, async () => {
  const anonymous = await playwrightRequest.newContext({ baseURL: app.url });
  const busy = await createToken("viewer", "Busy");
  for (let i = 0; i < RATE_LIMIT; i++) expect((await anonymous.get("/api/jobs?pageSize=25", { headers: bearer(busy.token) })).status()).toBe(200);
  const limited = await anonymous.get("/api/jobs?pageSize=25", { headers: bearer(busy.token) });
  expect(limited.status()).toBe(429);
  expect((await limited.json()).error.code).toBe("rate_limited");
  const retryAfter = Number(limited.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect((await anonymous.get("/api/jobs?pageSize=25", { headers: bearer(tokens.viewer.token) })).status()).toBe(200);
  await anonymous.dispose();
});

test("POST /api/leavers twice with one Idempotency-Key creates one job, a blocked person answered and left out; the token and its creator are in the audit log", async () => {
  const anonymous = await playwrightRequest.newContext({ baseURL: app.url });
  const users = ((await (await anonymous.get("/api/users?pageSize=100", { headers: bearer(tokens.viewer.token) })).json()) as { users: UserDto[] }).users;
  const ordinary = (user: (typeof users)[number]) => user.isActive && !user.isAdmin && user.email && user.id !== emulator.integrationUser.ID && user.id !== emulator.adminUserID;
  // The gate: two people it lets through, and one whose open work blocks deactivation.
  const blocked = await blockedAmong(sessions.viewer, users.filter(ordinary));
  const leavers = users.filter((user) => ordinary(user) && !blocked.has(user.id)).slice(-2);
  const holder = users.find((user) => ordinary(user) && blocked.has(user.id));
  expect(leavers).toHaveLength(2);
  expect(holder, "someone in the first 100 people holds blocking open work").toBeDefined();
  const key = randomUUID();
  const data = { people: [...leavers, holder!].map((user) => ({ email: user.email })), reason: "Left the company", ticket: "HR-18" };
  const send = (body: object, headers: Record<string, string> = { "idempotency-key": key }, token = tokens.operator.token) =>
    anonymous.post("/api/leavers", { headers: bearer(token, headers), data: body });
  const jobsBefore = Number((await sql<{ n: string }>("select count(*) as n from jobs"))[0]!.n);

  expect((await send(data, { "idempotency-key": key }, tokens.viewer.token)).status()).toBe(403);
  // Only an admin may override the gate, and a token is never one.
  expect((await send({ ...data, overrideOpenWork: { reason: "HR says so" } }, { "idempotency-key": randomUUID() })).status()).toBe(403);
  const missingKey = await send(data, {});
  expect(missingKey.status()).toBe(400);
  const first = await send(data);
  expect(first.status(), await first.text()).toBe(201);
  const answer = (await first.json()) as {
    job: { id: string; counts: { total: number }; createdBy: { email: string; tokenId: string } };
    counts: Record<string, number>;
    people: { state: string; code: string | null; blocking: { key: string; count: number | null }[] | null; user: { id: string } }[];
  };
  expect(answer.counts).toEqual({ will_deactivate: 2, blocked_open_work: 1 });
  expect(answer.job.createdBy).toMatchObject({ email: demoAccounts.admin.email, tokenId: tokens.operator.id });
  expect(answer.job.counts.total).toBe(2);
  expect(answer.people.map((person) => person.user.id)).toEqual([...leavers, holder!].map((user) => user.id));
  expect(answer.people[2]).toMatchObject({ state: "blocked_open_work", code: "open_work_blocking" });
  expect(answer.people[2]!.blocking!.map((entry) => entry.key)).toEqual(expect.arrayContaining([expect.stringMatching(/^approval(sAwaiting|Stages)$/)]));
  const again = await send(data);
  expect(again.status()).toBe(201);
  expect(again.headers()["idempotent-replayed"]).toBe("true");
  expect(await again.json()).toEqual(answer);
  const changed = await send({ ...data, reason: "Another reason" });
  expect(changed.status()).toBe(422);
  expect((await changed.json()).error.code).toBe("idempotency_key_reused");
  expect(Number((await sql<{ n: string }>("select count(*) as n from jobs"))[0]!.n)).toBe(jobsBefore + 1);

  // The worker runs the job; each person's audit row names the token and the admin who created it.
  await expect
    .poll(async () => ((await (await sessions.viewer.get(`/api/jobs/${answer.job.id}`)).json()) as { job: { status: string } }).job.status, { timeout: 60_000 })
    .toBe("completed");
  const rows = await sql<{ actor_token_id: string; actor_email: string; actor_role: string; outcome: string }>(
    "select actor_token_id, actor_email, actor_role, outcome from audit_events where job_id = $1",
    [answer.job.id],
  );
  expect(rows).toHaveLength(2);
  for (const row of rows) expect(row).toEqual({ actor_token_id: tokens.operator.id, actor_email: demoAccounts.admin.email, actor_role: "operator", outcome: "succeeded" });
  // The audit log says so too: its JSON and its CSV carry the token's ID beside the creator.
  const page = (await (await sessions.viewer.get(`/api/audit?job=${answer.job.id}`)).json()) as { rows: { actorTokenId: string | null; actorEmail: string }[] };
  expect(page.rows.map((event) => [event.actorEmail, event.actorTokenId])).toEqual(rows.map(() => [demoAccounts.admin.email, tokens.operator.id]));
  const csv = (await (await sessions.viewer.get(`/api/audit?job=${answer.job.id}&format=csv&locale=en`)).text()).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  const column = csv[0]!.split(",").indexOf("Actor's API token");
  expect(column).toBeGreaterThan(0);
  expect(csv.slice(1).map((line) => line.split(",")[column])).toEqual([tokens.operator.id, tokens.operator.id]);
  await anonymous.dispose();
});

test("only each token's SHA-256 is in the database, and no token is in the server's output", async () => {
  expect(seen.length).toBe(5);
  const stored = await sql<{ id: string; token_hash: string }>("select id, token_hash from api_tokens");
  for (const token of seen) expect(stored.map((row) => row.token_hash)).toContain(createHash("sha256").update(token).digest("hex"));
  const everything = JSON.stringify(
    await sql(`select 'tokens' as t, row_to_json(a)::text as row from api_tokens a
      union all select 'audit', row_to_json(e)::text from audit_events e
      union all select 'admin', row_to_json(e)::text from admin_events e
      union all select 'jobs', row_to_json(j)::text from jobs j
      union all select 'job_events', row_to_json(j)::text from job_events j
      union all select 'leavers', row_to_json(l)::text from leaver_requests l`),
  );
  const output = app.output();
  expect(output.length).toBeGreaterThan(0);
  for (const token of seen) {
    const secretPart = token.slice(8);
    expect(everything).not.toContain(secretPart);
    expect(output).not.toContain(secretPart);
  }
});
