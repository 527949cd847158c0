import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import { startTestEmulator } from "@/lib/workfront/test-support";
import { CredentialSetupError, type Environment, credentialFromEnv } from "./credential";
import { row } from "./rows";
import { renderTable } from "./table";

/**
 * `npm run smoke` as an admin runs it: a process with the credential in its environment, a table on
 * stdout, an exit code. The emulator answers in this process, so the script runs beside it
 * (asynchronously: a blocking spawn would leave nobody to answer).
 */
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

function smoke(args: string[], env: Environment): Promise<{ status: number | null; out: string }> {
  const { WORKFRONT_API_KEY: _key, WORKFRONT_API_VERSION: _version, ...rest } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn("node_modules/.bin/tsx", ["scripts/smoke/cli.ts", ...args], {
      env: { ...rest, ...env },
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, out }));
  });
}

describe("npm run smoke", () => {
  it("prints the table and exits 0 where every check passes, without ever printing the key", async () => {
    const { status, out } = await smoke(["--url", emulator.url], { WORKFRONT_API_KEY: emulator.apiKey });
    expect(out).toMatch(/check\s+result\s+what the app will do/);
    expect(out).toMatch(/API version v21\.0\s+PASS/);
    expect(out).toContain("0 failed");
    expect(out).not.toContain(emulator.apiKey);
    expect(status).toBe(0);
  });

  it("exits 1 with the credential's row when Workfront refuses the key, and does not print that key", async () => {
    const wrong = "f".repeat(8) + "not-the-key-0123456789";
    const { status, out } = await smoke(["--url", emulator.url], { WORKFRONT_API_KEY: wrong });
    expect(out).toMatch(/credential\s+FAIL/);
    expect(out).not.toContain(wrong);
    expect(status).toBe(1);
  });

  it("exits 2 with its usage on bad arguments or no credential", async () => {
    expect(await smoke([], { WORKFRONT_API_KEY: emulator.apiKey })).toMatchObject({
      status: 2,
      out: expect.stringContaining("--url is required"),
    });
    expect(
      await smoke(["--url", emulator.url, "--write"], { WORKFRONT_API_KEY: emulator.apiKey }),
    ).toMatchObject({ status: 2 });
    expect(await smoke(["--url", emulator.url], {})).toMatchObject({
      status: 2,
      out: expect.stringContaining("No credential"),
    });
    // Three CLI processes, each starting tsx: over 30 s on a loaded machine.
  }, 120_000);
});

describe("the credential and the table", () => {
  it("takes an API key or a complete OAuth2 app from the environment, and names what is missing", () => {
    expect(
      credentialFromEnv({ WORKFRONT_API_KEY: "k".repeat(20), WORKFRONT_API_KEY_PLACEMENT: "query" }),
    ).toEqual({
      kind: "apiKey",
      apiKey: "k".repeat(20),
      placement: "query",
    });
    expect(() =>
      credentialFromEnv({ WORKFRONT_API_KEY: "k".repeat(20), WORKFRONT_OAUTH_CLIENT_ID: "id" }),
    ).toThrow(CredentialSetupError);
    expect(() =>
      credentialFromEnv({ WORKFRONT_OAUTH_CLIENT_ID: "id", WORKFRONT_OAUTH_CLIENT_SECRET: "secret" }),
    ).toThrow(/WORKFRONT_OAUTH_CUSTOMER_ID, WORKFRONT_OAUTH_USER_ID, WORKFRONT_OAUTH_PRIVATE_KEY_PEM/);
  });

  it("replaces every secret the run held, wherever a message echoed it", () => {
    const secret = "0123456789abcdef0123456789abcdef";
    const echoed = `https://acme.my.workfront.com/attask/api/v21.0/user/search?apiKey=${secret}&$$LIMIT=1`;
    const text = renderTable(
      [row("credential", "FAIL", `Workfront said: bad key ${secret} at ${echoed}`, `do not use ${secret}`)],
      [secret],
    );
    expect(text.replaceAll("\n", "")).not.toContain(secret.slice(0, 12));
    expect(text).toContain("[redacted]");
  });
});
