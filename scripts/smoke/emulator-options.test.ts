import { beforeEach, describe, expect, it } from "vitest";
import { registerOAuthApp } from "@/lib/connection/test-support";
import { clientFor, control, testEmulatorForFile } from "@/lib/workfront/test-support";
import { failures, results, rowOf, smokeOf } from "./test-support";

/**
 * The smoke check against the emulator's own options: strict (everything off, as Adobe documents)
 * and with each option that changes what a tenant answers turned on. No `fetch` tricks here: the
 * emulator itself behaves the way a tenant might.
 */
const emulator = testEmulatorForFile();

const STRICT = {
  batch: false,
  anyVersion: false,
  jwtRefreshTokens: false,
  clearDeactivationDateOnReactivation: false,
  stringEnumsOnly: false,
};

beforeEach(async () => {
  await control(emulator(), "PATCH", "config", STRICT);
});

const turnOn = (options: Partial<typeof STRICT>) => control(emulator(), "PATCH", "config", options);

async function testUserId(): Promise<string> {
  const users = await clientFor(emulator()).searchUsers({
    filters: [{ field: "isActive", value: true }],
    limit: 50,
  });
  return users.find(
    (user) =>
      user.id !== emulator().adminUserID &&
      user.id !== emulator().integrationUser.ID &&
      !user.accessLevel?.isAdmin,
  )!.id;
}

describe("strict (the default)", () => {
  it("reports the integer enums, the deprecated v15.0 and an absent /batch, and passes", async () => {
    const { rows } = await smokeOf(emulator());
    expect(failures(rows)).toEqual([]);
    expect(rowOf(rows, "USER metadata").detail).toContain("defaultInterface");
    expect(rowOf(rows, "v15.0 (deprecated)").detail).toContain("does not answer");
    expect(rowOf(rows, "/batch (undocumented)").result).toBe("SKIP");
  });

  it("passes with --write; actualDeactivationDate is kept on reactivation", async () => {
    const { rows } = await smokeOf(emulator(), { write: { userId: await testUserId() } });
    expect(failures(rows)).toEqual([]);
    expect(rowOf(rows, "actualDeactivationDate").detail).toContain("kept on reactivation");
  });

  it("fails with --batch, on the /batch row alone", async () => {
    const { rows } = await smokeOf(emulator(), { batch: true });
    expect(failures(rows).map((entry) => entry.check)).toEqual(["/batch (undocumented)"]);
  });

  it("fails a version that is not on Adobe's schedule, and names the newest that answers", async () => {
    const { rows } = await smokeOf(emulator(), { version: "14.0" });
    expect(failures(rows).map((entry) => entry.check)).toEqual(["API version v14.0"]);
    expect(rowOf(rows, "API version v14.0").app).toContain("WORKFRONT_API_VERSION=22.0");
  });
});

describe("with an option on", () => {
  it("batch: /batch answers, and --write --batch goes through it", async () => {
    await turnOn({ batch: true });
    const { rows } = await smokeOf(emulator(), { batch: true, write: { userId: await testUserId() } });
    expect(failures(rows)).toEqual([]);
    expect(results(rows)).toMatchObject({ "/batch (undocumented)": "PASS", "write: /batch": "PASS" });
  });

  it("anyVersion: v15.0 answers again, reported as deprecated", async () => {
    await turnOn({ anyVersion: true });
    const { rows } = await smokeOf(emulator());
    expect(rowOf(rows, "v15.0 (deprecated)").detail).toContain("still answers");
  });

  it("stringEnumsOnly: metadata without integer enums passes as well", async () => {
    await turnOn({ stringEnumsOnly: true });
    const { rows } = await smokeOf(emulator());
    expect(rowOf(rows, "USER metadata")).toMatchObject({
      result: "PASS",
      detail: expect.stringContaining("No integer enums"),
    });
  });

  it("clearDeactivationDateOnReactivation: the row says the date is cleared", async () => {
    await turnOn({ clearDeactivationDateOnReactivation: true });
    const { rows } = await smokeOf(emulator(), { write: { userId: await testUserId() } });
    expect(rowOf(rows, "actualDeactivationDate").detail).toContain("cleared on reactivation");
  });

  it("jwtRefreshTokens: the OAuth2 row says a refresh token came back; without, that none did", async () => {
    const { clientId, clientSecret, customerId, userId, privateKeyPem } = await registerOAuthApp(emulator());
    const credential = {
      kind: "oauth2" as const,
      app: { clientId, clientSecret, customerId, userId, privateKeyPem },
    };
    const without = await smokeOf(emulator(), { credential });
    expect(rowOf(without.rows, "OAuth2 exchange").detail).toContain("no refresh token");
    await turnOn({ jwtRefreshTokens: true });
    const withTokens = await smokeOf(emulator(), { credential });
    expect(rowOf(withTokens.rows, "OAuth2 exchange").detail).toContain("a refresh token came back");
    expect(failures(withTokens.rows)).toEqual([]);
  });
});
