import type { Account as NextAuthAccount, User } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { describe, expect, it, vi } from "vitest";
import { withTestDatabase } from "@/lib/db/test-databases";
import { parseEnv } from "@/lib/env";
import { findAccountByEmail } from "./accounts";
import { type AuthDependencies, buildAuthOptions } from "./options";
import type { SsoRefusalNote } from "./sso-refusal";

const sso = {
  AUTH_SECRET: "a-test-secret-that-is-at-least-32-characters",
  AUTH_OIDC_ISSUER: "https://idp.example.com/realms/acme/",
  AUTH_OIDC_CLIENT_ID: "wf-offboard",
  AUTH_OIDC_CLIENT_SECRET: "client-secret",
  AUTH_OIDC_NAME: "Okta",
  AUTH_OIDC_SCOPES: "openid email profile groups",
  AUTH_OIDC_ADMIN_GROUPS: "wf-admins",
  AUTH_OIDC_OPERATOR_GROUPS: "wf-operators, hr-offboarding",
  AUTH_OIDC_VIEWER_GROUPS: "wf-viewers",
};

const noDb: AuthDependencies = { db: () => Promise.reject(new Error("no database in this test")), noteRefusal: async () => {} };
const providerIds = (source: Record<string, string>) => buildAuthOptions(parseEnv(source), noDb).providers.map((provider) => provider.id);
const oidcProvider = (source: Record<string, string>) =>
  buildAuthOptions(parseEnv(source), noDb).providers.find((provider) => provider.id === "oidc") as OAuthConfig<Record<string, unknown>>;

describe("auth options: which ways to sign in", () => {
  it("offers local accounts alone without single sign-on", () => {
    expect(providerIds({})).toEqual(["credentials"]);
  });

  it("offers both when single sign-on is configured", () => {
    expect(providerIds(sso)).toEqual(["credentials", "oidc"]);
  });

  it("offers single sign-on alone when local accounts are switched off", () => {
    expect(providerIds({ ...sso, AUTH_LOCAL_ACCOUNTS: "false" })).toEqual(["oidc"]);
  });

  it("configures the IdP by discovery, with state, PKCE and nonce checked and the configured scopes", () => {
    expect(oidcProvider(sso)).toMatchObject({
      id: "oidc",
      name: "Okta",
      type: "oauth",
      wellKnown: "https://idp.example.com/realms/acme/.well-known/openid-configuration",
      clientId: "wf-offboard",
      idToken: true,
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: "openid email profile groups" } },
    });
  });

  it("maps the IdP's subject to the profile's ID, with a lower-cased e-mail", async () => {
    const profile = await oidcProvider(sso).profile({ sub: "00u1", email: "Ada@Example.com", name: "Ada" }, {});
    expect(profile).toEqual({ id: "00u1", email: "ada@example.com", name: "Ada" });
  });
});

describe("auth options: where the groups come from", () => {
  type Request = (context: { tokens: unknown; client: unknown }) => Promise<Record<string, unknown>>;
  const request = oidcProvider(sso).userinfo as unknown as { request: Request };
  const tokens = (claims: Record<string, unknown>) => ({ claims: () => claims });

  it("takes the ID token's claims alone when they hold the e-mail and the groups", async () => {
    const userinfo = vi.fn();
    const claims = { sub: "1", email: "a@example.com", groups: ["wf-admins"] };
    expect(await request.request({ tokens: tokens(claims), client: { userinfo } })).toEqual(claims);
    expect(userinfo).not.toHaveBeenCalled();
  });

  it("completes them from userinfo when the ID token has no groups claim", async () => {
    const userinfo = vi.fn(async () => ({ sub: "1", email: "other@example.com", groups: ["wf-viewers"] }));
    const claims = await request.request({ tokens: tokens({ sub: "1", email: "a@example.com" }), client: { userinfo } });
    expect(claims).toEqual({ sub: "1", email: "a@example.com", groups: ["wf-viewers"] });
  });

  it("keeps the ID token's claims when userinfo fails", async () => {
    const userinfo = vi.fn(async () => {
      throw new Error("unreachable");
    });
    expect(await request.request({ tokens: tokens({ sub: "1", email: "a@example.com" }), client: { userinfo } })).toEqual({
      sub: "1",
      email: "a@example.com",
    });
  });
});

withTestDatabase("auth callbacks", ({ db }) => {
  const refusals: SsoRefusalNote[] = [];
  const options = () =>
    buildAuthOptions(parseEnv(sso), { db: async () => db(), noteRefusal: async (note) => void refusals.push(note) });
  const oidcAccount: NextAuthAccount = { provider: "oidc", type: "oauth", providerAccountId: "sub-1" };

  /** What next-auth does on a callback: signIn with the profile, then jwt with the same user object. */
  async function signInThroughIdp(claims: Record<string, unknown>) {
    const { callbacks } = options();
    const user: User = { id: String(claims.sub), email: String(claims.email) };
    const outcome = await callbacks!.signIn!({ user, account: oidcAccount, profile: claims });
    if (outcome !== true) return { outcome };
    const token = await callbacks!.jwt!({ token: {}, user, account: oidcAccount, trigger: "signIn" });
    return { outcome, token };
  }

  it("lets in a person whose groups grant a role, with our account's ID in the session token", async () => {
    const { outcome, token } = await signInThroughIdp({ sub: "sub-ada", email: "ada@example.com", name: "Ada", groups: ["hr-offboarding"] });
    expect(outcome).toBe(true);
    const account = await findAccountByEmail(db(), "ada@example.com");
    expect(account).toMatchObject({ role: "operator", hasPassword: false });
    expect(token).toMatchObject({ accountId: account!.id, signInMethod: "sso" });
  });

  it("sends a person whose groups grant nothing to the no-access page, with a note and no account", async () => {
    const { outcome } = await signInThroughIdp({ sub: "sub-bob", email: "bob@example.com", groups: ["staff"] });
    expect(outcome).toBe("/no-access?reason=no_role");
    expect(refusals.at(-1)).toEqual({ reason: "no_role", email: "bob@example.com", groups: ["staff"], moreGroups: 0 });
    expect(await findAccountByEmail(db(), "bob@example.com")).toBeNull();
  });

  it("refuses an e-mail the IdP has not verified", async () => {
    const { outcome } = await signInThroughIdp({ sub: "sub-eve", email: "eve@example.com", email_verified: false, groups: ["wf-admins"] });
    expect(outcome).toBe("/no-access?reason=email_unverified");
  });

  it("leaves password sign-ins to the credentials provider and marks their sessions", async () => {
    const { callbacks } = options();
    const user: User = { id: "00000000-0000-4000-8000-000000000001", email: "local@example.com" };
    const account: NextAuthAccount = { provider: "credentials", type: "credentials", providerAccountId: user.id };
    expect(await callbacks!.signIn!({ user, account })).toBe(true);
    expect(await callbacks!.jwt!({ token: {}, user, account })).toMatchObject({ accountId: user.id, signInMethod: "password" });
  });
});
