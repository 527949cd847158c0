/**
 * A real OpenID Connect provider for the end-to-end tests (oidc-provider, the certified
 * implementation), on 127.0.0.1:oidcPort. Its built-in development login form takes any login
 * name and password; the login name picks a person from e2e/support/oidc-accounts.ts. Consent is
 * granted without a screen, as a company IdP does for its own apps.
 *
 * Run by Playwright's webServer (`npx tsx e2e/support/oidc-server.ts`); everything lives in memory.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";
import { type OidcPerson, oidcClient, oidcPeople } from "./oidc-accounts";
import { oidcIssuer, oidcPort, openAppUrl } from "./servers";

// A fresh signing key and cookie key per run: nothing here is a secret worth keeping.
const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });

function personFor(login: string): OidcPerson {
  // Any other login name is a person in no group at all, with an address made from the name.
  return oidcPeople[login as keyof typeof oidcPeople] ?? {
    email: `${login.replace(/[^a-z0-9.-]/gi, "") || "someone"}@example.com`,
    name: login,
    emailVerified: true,
    groups: [],
  };
}

const provider = new Provider(oidcIssuer, {
  clients: [
    {
      client_id: oidcClient.id,
      client_secret: oidcClient.secret,
      redirect_uris: [oidcClient.redirectUri, oidcClient.ssoOnlyRedirectUri],
      post_logout_redirect_uris: [`${openAppUrl}/sign-in`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      // What next-auth (openid-client) uses by default.
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  jwks: { keys: [{ ...signingKey, use: "sig", alg: "RS256", kid: "e2e" }] },
  cookies: { keys: [randomBytes(32).toString("hex")] },
  scopes: ["openid", "email", "profile", "groups"],
  claims: { email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
  // Claims of the requested scopes go into the ID token too (unless a person is set up otherwise).
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  async findAccount(_ctx, sub) {
    const person = personFor(sub);
    return {
      accountId: sub,
      claims(use) {
        const groups = person.groupsInUserinfoOnly && use === "id_token" ? {} : { groups: person.groups };
        return { sub, email: person.email, email_verified: person.emailVerified, name: person.name, ...groups };
      },
    };
  },
  // Grants what the app asked for, so no consent screen stands between login and the app.
  async loadExistingGrant(ctx: KoaContextWithOIDC) {
    const { oidc } = ctx;
    const clientId = oidc.client?.clientId;
    if (!clientId || !oidc.session?.accountId) return undefined;
    const existing = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(clientId);
    if (existing) return oidc.provider.Grant.find(existing);
    const grant = new oidc.provider.Grant({ clientId, accountId: oidc.session.accountId });
    grant.addOIDCScope(String(oidc.params?.scope ?? "openid"));
    grant.addOIDCClaims(["email", "email_verified", "name", "groups"]);
    await grant.save();
    return grant;
  },
});

provider.listen(oidcPort, "127.0.0.1", () => {
  console.log(`test OpenID provider on ${oidcIssuer} (discovery: ${oidcIssuer}/.well-known/openid-configuration)`);
});
