import { describe, expect, it } from "vitest";
import { claimAt, groupsFrom, mergeClaims, needsUserinfo, ssoProfileFromClaims } from "./sso-profile";

describe("ssoProfileFromClaims", () => {
  it("takes the subject, a lower-cased e-mail, the name and the groups", () => {
    const profile = ssoProfileFromClaims(
      { sub: "00u1", email: " Ada@Example.COM ", email_verified: true, name: " Ada L ", groups: ["a", " b "] },
      "groups",
    );
    expect(profile).toEqual({ subject: "00u1", email: "ada@example.com", emailVerified: true, name: "Ada L", groups: ["a", "b"] });
  });

  it("tells a missing groups claim from an empty one, and reads a single group sent as a string", () => {
    expect(ssoProfileFromClaims({ sub: "1" }, "groups").groups).toBeNull();
    expect(ssoProfileFromClaims({ sub: "1", groups: [] }, "groups").groups).toEqual([]);
    expect(ssoProfileFromClaims({ sub: "1", groups: "wf-admins" }, "groups").groups).toEqual(["wf-admins"]);
  });

  it("keeps no e-mail that is not one, and reads email_verified sent as a string", () => {
    expect(ssoProfileFromClaims({ sub: "1", email: "not-an-address" }, "groups").email).toBeNull();
    expect(ssoProfileFromClaims({ sub: "1", email: 42 }, "groups").email).toBeNull();
    expect(ssoProfileFromClaims({ sub: "1", email_verified: "false" }, "groups").emailVerified).toBe(false);
    expect(ssoProfileFromClaims({ sub: "1" }, "groups").emailVerified).toBeNull();
  });

  it("reads groups from a configured claim, including a dotted path and a name with dots", () => {
    expect(ssoProfileFromClaims({ sub: "1", realm_access: { roles: ["r"] } }, "realm_access.roles").groups).toEqual(["r"]);
    expect(ssoProfileFromClaims({ sub: "1", "https://acme.test/groups": ["g"] }, "https://acme.test/groups").groups).toEqual(["g"]);
  });
});

describe("claims helpers", () => {
  it("claimAt finds nothing along a path that is not there", () => {
    expect(claimAt({ a: { b: 1 } }, "a.c")).toBeUndefined();
    expect(claimAt({ a: "x" }, "a.b")).toBeUndefined();
  });

  it("groupsFrom drops entries that are not names", () => {
    expect(groupsFrom(["a", 1, null, "", "b"])).toEqual(["a", "b"]);
    expect(groupsFrom({ a: 1 })).toBeNull();
  });

  it("asks userinfo only when the ID token lacks the e-mail or the groups", () => {
    expect(needsUserinfo({ sub: "1", email: "a@b.c", groups: [] }, "groups")).toBe(false);
    expect(needsUserinfo({ sub: "1", email: "a@b.c" }, "groups")).toBe(true);
    expect(needsUserinfo({ sub: "1", groups: ["g"] }, "groups")).toBe(true);
  });

  it("completes the ID token from userinfo without overriding it", () => {
    expect(mergeClaims({ sub: "1", email: "id@x.test" }, { sub: "1", email: "ui@x.test", groups: ["g"] })).toEqual({
      sub: "1",
      email: "id@x.test",
      groups: ["g"],
    });
  });
});
