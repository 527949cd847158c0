import { describe, expect, it } from "vitest";
import { protectionOf } from "./protections";

const facts = { integrationUserId: "i".repeat(32), mainAdminId: "m".repeat(32) };
const configured = ["jane.doe@acme.example", "jdoe", "c".repeat(32)];
const codeOf = (user: { id: string; email: string | null; username: string | null }) => protectionOf(user, facts, configured)?.code ?? null;

describe("protectionOf, the configured list", () => {
  it("matches an e-mail whatever its case", () => {
    expect(codeOf({ id: "1".repeat(32), email: "Jane.Doe@ACME.example", username: null })).toBe("configured");
  });

  it("matches a username whatever its case", () => {
    expect(codeOf({ id: "2".repeat(32), email: "other@acme.example", username: "JDoe" })).toBe("configured");
  });

  it("matches an ID for a user without e-mail or username", () => {
    expect(codeOf({ id: "c".repeat(32), email: null, username: null })).toBe("configured");
  });

  it("leaves an unlisted user without e-mail unprotected", () => {
    expect(codeOf({ id: "3".repeat(32), email: null, username: "someone" })).toBe(null);
  });
});
