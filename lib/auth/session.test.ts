import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/lib/db";
import { accounts } from "@/lib/db";
import { createMigratedTestDatabase } from "@/lib/db/test-databases";
import { ApiError } from "@/lib/http/errors";
import { createAccount, endSessions, updateAccount } from "./accounts";

/** The request's cookies, as next/headers would give them to the handler under test. */
const jar = vi.hoisted(() => ({ cookies: [] as { name: string; value: string }[], headers: {} as Record<string, string> }));
const database = vi.hoisted(() => ({ handle: undefined as DatabaseHandle | undefined }));

vi.mock("next/headers", () => ({
  cookies: async () => ({ getAll: () => jar.cookies }),
  headers: async () => new Headers(jar.headers),
}));
vi.mock("@/lib/db/client", () => ({
  getDb: async () => database.handle!.db,
  getDbHandle: async () => database.handle!,
  closeDb: async () => undefined,
}));

// Before any import: lib/env reads the environment once, and the imports above already load it.
const SECRET = vi.hoisted(() => {
  const secret = "session-test-secret-that-is-long-enough-0123";
  vi.stubEnv("AUTH_SECRET", secret);
  vi.stubEnv("NEXTAUTH_URL", "http://127.0.0.1:3000");
  return secret;
});

const { requireApiUser } = await import("./session");
const { eq } = await import("drizzle-orm");

let viewerId: string;

beforeAll(async () => {
  database.handle = await createMigratedTestDatabase();
  viewerId = (await createAccount(database.handle.db, { email: "viewer@example.com", role: "viewer", password: "a long enough password" })).id;
});
afterAll(async () => {
  await database.handle?.close();
});
beforeEach(async () => {
  jar.cookies = [];
  jar.headers = {};
  // Through updateAccount, so this process forgets what it remembered of the account.
  await updateAccount(database.handle!.db, "viewer@example.com", { disabled: false, role: "viewer" });
});

/** A session cookie as next-auth writes it at sign-in, with the account's current session version. */
async function signedInAs(accountId: string, sessionVersion?: number) {
  const [row] = await database.handle!.db.select().from(accounts).where(eq(accounts.id, accountId));
  const token = { accountId, signInMethod: "password" as const, sessionVersion: sessionVersion ?? row!.sessionVersion };
  jar.cookies = [{ name: "next-auth.session-token", value: await encode({ token, secret: SECRET }) }];
}

const statusOf = (error: unknown) => (error instanceof ApiError ? [error.status, error.code] : error);

describe("requireApiUser", () => {
  it("answers for a signed-in account whose role allows it, 403 for one that may not", async () => {
    await signedInAs(viewerId);
    expect((await requireApiUser("viewUsers")).email).toBe("viewer@example.com");
    expect(statusOf(await requireApiUser("deactivate").catch((error: unknown) => error))).toEqual([403, "forbidden"]);
  });

  it("answers 401 without a valid session cookie", async () => {
    expect(statusOf(await requireApiUser("viewUsers").catch((error: unknown) => error))).toEqual([401, "unauthenticated"]);
    jar.cookies = [{ name: "next-auth.session-token", value: "forged" }];
    expect(statusOf(await requireApiUser("viewUsers").catch((error: unknown) => error))).toEqual([401, "unauthenticated"]);
  });

  it("reads the account afresh each time: a change made elsewhere takes effect at once", async () => {
    await signedInAs(viewerId);
    expect((await requireApiUser("viewUsers")).email).toBe("viewer@example.com");
    // As an account script in another process would: straight to the database.
    await database.handle!.db.update(accounts).set({ disabled: true }).where(eq(accounts.id, viewerId));
    expect(statusOf(await requireApiUser("viewUsers").catch((error: unknown) => error))).toEqual([401, "unauthenticated"]);
  });
});

describe("ended sessions", () => {
  const refused = [401, "unauthenticated"];
  const both = async () => [
    statusOf(await requireApiUser("viewUsers").catch((error: unknown) => error)),
    statusOf(await requireApiUser("deactivate").catch((error: unknown) => error)),
  ];

  it("a cookie from before the account's sessions were ended is refused for reads and changes at once", async () => {
    await signedInAs(viewerId);
    expect((await requireApiUser("viewUsers")).id).toBe(viewerId);
    expect(await endSessions(database.handle!.db, viewerId)).toBe(true);
    expect(await both()).toEqual([refused, refused]);
    // A new sign-in gets the new version and works.
    await signedInAs(viewerId);
    expect((await requireApiUser("viewUsers")).id).toBe(viewerId);
  });

  it("disabling and enabling again revives no old session; nor does a new password or role", async () => {
    for (const change of [{ disabled: true }, { password: "another long password" }, { role: "operator" as const }]) {
      await signedInAs(viewerId);
      const before = jar.cookies;
      await updateAccount(database.handle!.db, "viewer@example.com", change);
      await updateAccount(database.handle!.db, "viewer@example.com", { disabled: false, role: "viewer" });
      jar.cookies = before;
      expect(await both()).toEqual([refused, refused]);
    }
  });

  it("signing out with an ended session ends nothing else", async () => {
    await signedInAs(viewerId, -1);
    const [row] = await database.handle!.db.select().from(accounts).where(eq(accounts.id, viewerId));
    expect(await endSessions(database.handle!.db, viewerId, -1)).toBe(false);
    const [after] = await database.handle!.db.select().from(accounts).where(eq(accounts.id, viewerId));
    expect(after!.sessionVersion).toBe(row!.sessionVersion);
  });

  it("a cookie from before session versions were recorded is refused", async () => {
    jar.cookies = [
      { name: "next-auth.session-token", value: await encode({ token: { accountId: viewerId, signInMethod: "password" }, secret: SECRET }) },
    ];
    expect(await both()).toEqual([refused, refused]);
  });
});

describe("requireApiUser", () => {
  it("reads the account fresh: a disabled account is signed out at once", async () => {
    await signedInAs(viewerId);
    expect((await requireApiUser("viewUsers")).email).toBe("viewer@example.com");
    await database.handle!.db.update(accounts).set({ disabled: true }).where(eq(accounts.id, viewerId));
    expect(statusOf(await requireApiUser("viewUsers").catch((error: unknown) => error))).toEqual([401, "unauthenticated"]);
  });
});

describe("API tokens (Authorization: Bearer)", () => {
  let adminId: string;
  let viewerToken: { id: string; token: string };
  beforeAll(async () => {
    const { createApiToken } = await import("@/lib/api-tokens/store");
    adminId = (await createAccount(database.handle!.db, { email: "admin@example.com", role: "admin", password: "a long enough password" })).id;
    viewerToken = await createApiToken(database.handle!.db, { user: { id: adminId, email: "admin@example.com", role: "admin" }, requestId: "t", clientIp: null }, { name: "Reports", role: "viewer", expiresInDays: 30 });
  });

  it("speaks for the token's creator with the token's role, for reads and changes", async () => {
    jar.headers = { authorization: `Bearer ${viewerToken.token}` };
    expect(await requireApiUser("viewUsers")).toMatchObject({ id: adminId, email: "admin@example.com", role: "viewer", token: { id: viewerToken.id, name: "Reports" } });
    expect(statusOf(await requireApiUser("manageTokens").catch((error: unknown) => error))).toEqual([403, "forbidden"]);
  });

  it("is the request's only credential: an admin's session cookie beside it adds nothing, and a bad token is 401 even with one", async () => {
    const { token } = viewerToken;
    jar.cookies = [{ name: "next-auth.session-token", value: await encode({ token: { accountId: adminId, signInMethod: "password", sessionVersion: 0 }, secret: SECRET }) }];
    expect((await requireApiUser("manageSettings")).role).toBe("admin");
    jar.headers = { authorization: `Bearer ${token}` };
    expect(statusOf(await requireApiUser("manageSettings").catch((error: unknown) => error))).toEqual([403, "forbidden"]);
    jar.headers = { authorization: `Bearer ${token}x` };
    expect(statusOf(await requireApiUser("viewUsers").catch((error: unknown) => error))).toEqual([401, "invalid_token"]);
    // Another scheme (a proxy's Basic auth) is no token: the session cookie counts.
    jar.headers = { authorization: "Basic dXNlcjpwYXNz" };
    expect((await requireApiUser("manageSettings")).role).toBe("admin");
  });
});
