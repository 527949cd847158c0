import { describe, expect, it } from "vitest";
import { safeAuthMetadata } from "./next-auth-logger";

describe("safeAuthMetadata", () => {
  it("keeps an error's name and message but none of its other properties", () => {
    const error = Object.assign(new Error("nonce mismatch"), { name: "RPError", jwt: "eyJhbGciOi.secret.token" });
    const kept = safeAuthMetadata({ error, providerId: "oidc" });
    expect(kept).toEqual({ error: { name: "RPError", message: "nonce mismatch" }, providerId: "oidc" });
    expect(JSON.stringify(kept)).not.toContain("eyJ");
  });

  it("drops claims, bodies and tokens", () => {
    const kept = safeAuthMetadata({
      error: { message: "bad profile" },
      OAuthProfile: { email: "a@b.c", groups: ["g"] },
      body: { code: "abc" },
      account: { access_token: "at", id_token: "it" },
      error_description: "End-User aborted interaction",
    });
    expect(kept).toEqual({ error: { name: "Error", message: "bad profile" }, errorDescription: "End-User aborted interaction" });
  });

  it("takes a bare error or nothing at all", () => {
    expect(safeAuthMetadata(new TypeError("x"))).toEqual({ error: { name: "TypeError", message: "x" } });
    expect(safeAuthMetadata(undefined)).toEqual({});
  });
});
