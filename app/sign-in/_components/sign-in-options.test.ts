import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { safeNextPath, signInError, signInOptions } from "./sign-in-options";

const sso = { AUTH_OIDC_ISSUER: "https://idp.example.com", AUTH_OIDC_CLIENT_ID: "id", AUTH_OIDC_CLIENT_SECRET: "secret" };

describe("signInOptions", () => {
  it("offers the password form alone without single sign-on", () => {
    expect(signInOptions(parseEnv({}))).toEqual({ sso: null, localAccounts: true });
  });

  it("offers the SSO button, labelled as configured, beside the form", () => {
    expect(signInOptions(parseEnv(sso))).toEqual({ sso: { name: "single sign-on" }, localAccounts: true });
    expect(signInOptions(parseEnv({ ...sso, AUTH_OIDC_NAME: "Okta" })).sso).toEqual({ name: "Okta" });
  });

  it("hides the password form when local accounts are off", () => {
    expect(signInOptions(parseEnv({ ...sso, AUTH_LOCAL_ACCOUNTS: "false" }))).toEqual({
      sso: { name: "single sign-on" },
      localAccounts: false,
    });
  });

  it("hands the page nothing secret", () => {
    const shown = JSON.stringify(signInOptions(parseEnv({ ...sso, AUTH_SECRET: "x".repeat(32) })));
    expect(shown).not.toMatch(/secret|idp\.example|xxxx/);
  });
});

describe("signInError", () => {
  it("knows next-auth's codes and reads anything else as a general failure", () => {
    expect(signInError(undefined)).toBeNull();
    expect(signInError("OAuthCallback")).toBe("OAuthCallback");
    expect(signInError("<script>alert(1)</script>")).toBe("Default");
    expect(signInError("Some message from a thrown error")).toBe("Default");
  });
});

describe("safeNextPath", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeNextPath("/audit?actor=a%40b.c")).toBe("/audit?actor=a%40b.c");
    expect(safeNextPath("/jobs/1#items")).toBe("/jobs/1#items");
  });

  it("sends anything that could leave the site to /users", () => {
    for (const next of [undefined, "", "https://evil.example", "//evil.example", "/\\evil.example", "/\t/evil.example", "javascript:alert(1)"]) {
      expect(safeNextPath(next)).toBe("/users");
    }
  });
});
