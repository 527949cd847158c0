import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { AdminActor } from "@/lib/admin/admin-log";
import { createAccount } from "@/lib/auth/accounts";
import { adminEvents, accounts, apiTokens } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import { checkToken } from "./authenticate";
import { TOKEN_PATTERN, bearerOf, hashToken } from "./secret";
import { createApiToken, listApiTokens, revokeApiToken } from "./store";

/** API tokens: stored as a hash only, refused once expired or revoked, limited per token. */
const limit = { limit: 3, windowMs: 60_000 };
const DAY = 24 * 60 * 60 * 1000;
const at = (iso: string) => new Date(iso);

withTestDatabase("API tokens", ({ db }) => {
  let admin: AdminActor;
  beforeAll(async () => {
    const account = await createAccount(db(), { email: "admin@example.com", role: "admin", password: "a-long-enough-password" });
    admin = { user: { id: account.id, email: account.email, role: "admin" }, requestId: "test", clientIp: null };
  });

  it("is shown once, stored only as its SHA-256, expires after 90 days unless said, and is in the admin log", async () => {
    const now = at("2026-03-01T10:00:00Z");
    const created = await createApiToken(db(), admin, { name: "HR feed", role: "operator", expiresInDays: 90 }, now);
    expect(created.token).toMatch(TOKEN_PATTERN);
    expect(created.expiresAt).toBe(new Date(now.getTime() + 90 * DAY).toISOString());
    const stored = await db().execute(sql`select row_to_json(t)::text as row from api_tokens t where id = ${created.id}`);
    const text = JSON.stringify(stored);
    expect(text).not.toContain(created.token);
    expect(text).not.toContain(created.token.slice(8));
    const [row] = await db().select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row!.tokenHash).toBe(hashToken(created.token));
    expect(await listApiTokens(db())).toEqual([expect.not.objectContaining({ token: expect.anything() })]);
    const events = await db().select().from(adminEvents);
    expect(events.map((event) => [event.action, event.subject])).toContainEqual(["token_created", created.id]);
  });

  it("speaks for its creator with its own role until it expires", async () => {
    const now = at("2026-03-01T10:00:00Z");
    const { token, id } = await createApiToken(db(), admin, { name: "Reports", role: "viewer", expiresInDays: 1 }, now);
    const ok = await checkToken(db(), token, limit, new Date(now.getTime() + 1000));
    expect(ok).toEqual({
      kind: "ok",
      principal: { tokenId: id, tokenName: "Reports", role: "viewer", creator: { id: admin.user.id, email: "admin@example.com", name: null, locale: null } },
    });
    const [row] = await db().select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row!.lastUsedAt).toEqual(new Date(now.getTime() + 1000));
    expect(await checkToken(db(), token, limit, new Date(now.getTime() + DAY))).toEqual({ kind: "invalid" });
    expect(await checkToken(db(), `${token.slice(0, -1)}x`, limit, now)).toEqual({ kind: "invalid" });
  });

  it("is refused at once when revoked, and revoking twice changes nothing", async () => {
    const now = new Date();
    const { token, id } = await createApiToken(db(), admin, { name: "Script", role: "operator", expiresInDays: 30 }, now);
    expect((await checkToken(db(), token, limit, now)).kind).toBe("ok");
    const revoked = await revokeApiToken(db(), admin, id);
    expect(revoked.revokedAt).not.toBeNull();
    expect(await checkToken(db(), token, limit, now)).toEqual({ kind: "invalid" });
    expect((await revokeApiToken(db(), admin, id)).revokedAt).toBe(revoked.revokedAt);
    await expect(revokeApiToken(db(), admin, "00000000-0000-4000-8000-00000000dead")).rejects.toMatchObject({ status: 404 });
  });

  it("counts requests per token and window: past the limit 429 with the seconds left, then a new window", async () => {
    const start = at("2026-03-01T10:00:00Z");
    const { token } = await createApiToken(db(), admin, { name: "Busy", role: "viewer", expiresInDays: 30 }, start);
    const other = await createApiToken(db(), admin, { name: "Quiet", role: "viewer", expiresInDays: 30 }, start);
    for (let i = 0; i < 3; i++) expect((await checkToken(db(), token, limit, new Date(start.getTime() + i * 1000))).kind).toBe("ok");
    expect(await checkToken(db(), token, limit, new Date(start.getTime() + 20_000))).toEqual({ kind: "rate_limited", retryAfterSeconds: 40 });
    // Another token has its own count.
    expect((await checkToken(db(), other.token, limit, new Date(start.getTime() + 20_000))).kind).toBe("ok");
    expect((await checkToken(db(), token, limit, new Date(start.getTime() + 60_000))).kind).toBe("ok");
  });

  it("stops when its creator's account is disabled", async () => {
    const creator = await createAccount(db(), { email: "leaving-admin@example.com", role: "admin", password: "a-long-enough-password" });
    const { token } = await createApiToken(db(), { ...admin, user: { id: creator.id, email: creator.email, role: "admin" } }, { name: "Theirs", role: "viewer", expiresInDays: 30 });
    expect((await checkToken(db(), token, limit)).kind).toBe("ok");
    await db().update(accounts).set({ disabled: true }).where(eq(accounts.id, creator.id));
    expect(await checkToken(db(), token, limit)).toEqual({ kind: "invalid" });
  });

  it("refuses an admin role in the database itself", async () => {
    await expect(
      db().execute(sql`insert into api_tokens (name, role, token_hash, prefix, created_by_account_id, created_by_email, expires_at)
        values ('x', 'admin', ${hashToken("wfo_x")}, 'wfo_', ${admin.user.id}, 'a@b.c', now() + interval '1 day')`),
    ).rejects.toThrow();
  });
});

it("reads a bearer token from the Authorization header only with the Bearer scheme", () => {
  expect(bearerOf("Bearer wfo_abc")).toBe("wfo_abc");
  expect(bearerOf("bearer   wfo_abc ")).toBe("wfo_abc");
  expect(bearerOf("Basic dXNlcjpwYXNz")).toBeNull();
  expect(bearerOf(null)).toBeNull();
  expect(bearerOf("Bearer")).toBeNull();
});
