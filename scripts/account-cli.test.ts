import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { type DatabaseHandle, createDatabase } from "@/lib/db";
import { findAccountByEmail, verifyCredentials } from "@/lib/auth/accounts";

/**
 * `npm run user:add` and `npm run user:update` as an admin runs them on the embedded database,
 * first with nothing running (the script starts the server and stops it), then while the app's
 * server runs on the same folder (this test process plays the app): the scripts join that server.
 */
const dir = mkdtempSync(join(tmpdir(), "wf-account-cli-"));
let app: DatabaseHandle | undefined;
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = env;
  return rest;
}

function run(script: "user-add" | "user-update", ...args: string[]) {
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", `scripts/${script}.ts`, ...args], {
    encoding: "utf8",
    // The embedded database in its own directory, whatever the caller's shell points at.
    env: { ...withoutDatabaseUrl(process.env), DATABASE_DIR: dir },
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

async function account(email: string, password: string) {
  const db = app!.db;
  return {
    stored: await findAccountByEmail(db, email),
    signsIn: (await verifyCredentials(db, email, password)) !== null,
  };
}

const serverRunning = () => existsSync(join(dir, "cluster", "postmaster.pid"));

it("with nothing running, starts the embedded database for itself and stops it when done", () => {
  expect(run("user-add", "--email", "first@example.com", "--role", "viewer", "--password", "a long enough password")).toMatchObject({
    status: 0,
    out: expect.stringContaining("embedded PostgreSQL"),
  });
  expect(serverRunning()).toBe(false);
}, 120_000);


it("while the app runs on the same folder: creates an account, changes its role, disables it and gives it a new password, all seen by the app at once", async () => {
  app = await createDatabase({ embeddedDir: dir });
  expect(serverRunning()).toBe(true);
  expect((await account("first@example.com", "a long enough password")).signsIn).toBe(true);
  const password = "a long enough password";
  expect(
    run("user-add", "--email", "Ada@Example.com", "--role", "operator", "--password", password),
  ).toMatchObject({ status: 0 });
  const disabled = run("user-update", "--email", "ada@example.com", "--role", "viewer", "--disable");
  expect(disabled).toMatchObject({ status: 0, out: expect.stringContaining("role viewer, disabled") });
  expect(await account("ada@example.com", password)).toMatchObject({
    stored: { role: "viewer", disabled: true },
    signsIn: false,
  });

  const enabled = run("user-update", "--email", "ada@example.com", "--enable", "--reset-password");
  const newPassword = /New password \(shown once\): (\S+)/.exec(enabled.out)?.[1];
  expect(newPassword).toBeDefined();
  expect(await account("ada@example.com", newPassword!)).toMatchObject({
    stored: { disabled: false },
    signsIn: true,
  });
  // The scripts joined the app's server and left it running.
  expect(serverRunning()).toBe(true);
  // Three processes that each start tsx: slow on a busy machine, not wrong.
}, 120_000);

it("says what is wrong and changes nothing: an unknown person, no change, a bad role", () => {
  expect(run("user-update", "--email", "nobody@example.com", "--disable")).toMatchObject({
    status: 1,
    err: expect.stringContaining("There is no account for nobody@example.com"),
  });
  expect(run("user-update", "--email", "ada@example.com")).toMatchObject({
    status: 2,
    err: expect.stringContaining("Say what to change."),
  });
  expect(run("user-update", "--email", "ada@example.com", "--role", "root")).toMatchObject({
    status: 2,
    err: expect.stringContaining("--role must be one of"),
  });
  expect(run("user-update", "--email", "ada@example.com", "--disable", "--enable")).toMatchObject({
    status: 2,
  });
  // Four processes, as above.
}, 120_000);
