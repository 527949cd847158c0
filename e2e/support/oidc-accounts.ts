import { extraAppPorts, oidcIssuer, openAppUrl } from "./servers";

/** The SSO-only app a spec starts itself (e2e/api-tokens-sso.spec.ts). */
export const ssoOnlyAppUrl = `http://127.0.0.1:${extraAppPorts.ssoOnly}`;

/**
 * The test identity provider's client and people, shared by e2e/support/oidc-server.ts (which
 * serves them), playwright.config.ts (which gives the open app the client) and the SSO specs.
 * Kept apart from the server so that importing them does not start it.
 */
export const oidcClient = {
  id: "wf-offboard-e2e",
  secret: "e2e-oidc-client-secret-not-for-production",
  redirectUri: `${openAppUrl}/api/auth/callback/oidc`,
  /** The SSO-only app's callback, registered beside the open app's. */
  ssoOnlyRedirectUri: `${ssoOnlyAppUrl}/api/auth/callback/oidc`,
  /** The button label the open app is configured with. */
  name: "Test IdP",
  /** Scopes the app asks for: this provider, like Okta, releases groups only for a `groups` scope. */
  scopes: "openid email profile groups",
};

/** Groups that grant each role in the open app (AUTH_OIDC_*_GROUPS). */
export const oidcRoleGroups = {
  admin: "wf-admins",
  operator: "wf-operators",
  viewer: "wf-viewers",
};

/** The variables that point an app under test at this provider, with the role groups above. */
export const oidcAppEnv = {
  AUTH_OIDC_ISSUER: oidcIssuer,
  AUTH_OIDC_CLIENT_ID: oidcClient.id,
  AUTH_OIDC_CLIENT_SECRET: oidcClient.secret,
  AUTH_OIDC_NAME: oidcClient.name,
  AUTH_OIDC_SCOPES: oidcClient.scopes,
  AUTH_OIDC_ADMIN_GROUPS: oidcRoleGroups.admin,
  AUTH_OIDC_OPERATOR_GROUPS: oidcRoleGroups.operator,
  AUTH_OIDC_VIEWER_GROUPS: oidcRoleGroups.viewer,
};

export interface OidcPerson {
  email: string;
  name: string;
  emailVerified: boolean;
  groups: string[];
  /** Groups only in the userinfo answer, not in the ID token (as some IdPs are configured). */
  groupsInUserinfoOnly?: boolean;
}

/** People by login name: the provider's login form takes any password. */
export const oidcPeople = {
  "sso-admin": { email: "sso-admin@example.com", name: "Sso Admin", emailVerified: true, groups: ["staff", "wf-admins"] },
  "sso-operator": {
    email: "sso-operator@example.com",
    name: "Sso Operator",
    emailVerified: true,
    groups: ["staff", "wf-operators"],
    groupsInUserinfoOnly: true,
  },
  "sso-viewer": { email: "sso-viewer@example.com", name: "Sso Viewer", emailVerified: true, groups: ["wf-viewers"] },
  "sso-nobody": { email: "sso-nobody@example.com", name: "Sso Nobody", emailVerified: true, groups: ["staff"] },
  "sso-unverified": { email: "sso-unverified@example.com", name: "Sso Unverified", emailVerified: false, groups: ["wf-admins"] },
} satisfies Record<string, OidcPerson>;

export type OidcLogin = keyof typeof oidcPeople;
