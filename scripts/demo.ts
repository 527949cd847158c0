/**
 * `npm run demo`: the whole product on one machine, nothing to configure. Starts the Workfront
 * emulator, then the app against it with the embedded database and three demo accounts, and
 * stops both together.
 *
 * The database is the embedded PostgreSQL (lib/db/embedded): this script starts it and keeps it
 * for as long as the demo runs; the app joins it. It stops with the demo, even one killed with -9.
 *
 * The app is connected to the emulator the way an admin would connect it: the emulator's key is
 * stored (encrypted) as the Settings page's connection before the app starts, rather than passed
 * as WORKFRONT_API_KEY, which would lock the Settings page. The emulator is new on every start, so
 * the connection is made again on every start.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { type RunningEmulator, startEmulator } from "../emulator";
import { DEMO_ACCOUNTS } from "../lib/auth/accounts-demo";
import { ConnectionResolver, connectWorkfront } from "../lib/connection";
import { keyring } from "../lib/connection/crypto";
import { type Database, createDatabase, databaseConfig, describeDatabase, migrate } from "../lib/db";
import { ensureProductionBuild } from "./demo-build";

const root = join(__dirname, "..");
const appPort = Number(process.env.PORT ?? 3000);
const emulatorPort = Number(process.env.EMULATOR_PORT ?? 4010);

/**
 * Stores the emulator's key as the app's Workfront connection, in the database the app will use,
 * sealed with the secret the app will be given (AUTH_SECRET, or WORKFRONT_CREDENTIAL_SECRET).
 */
async function connectDemo(db: Database, emulator: RunningEmulator, secret: string): Promise<void> {
  await migrate(db);
  const resolver = new ConnectionResolver({ db, ring: keyring(secret), settings: {}, envConnection: null });
  const input = { method: "api_key" as const, tenant: emulator.url, apiKey: emulator.apiKey };
  await connectWorkfront(resolver, input, { accountId: null, email: "npm run demo" });
}

/**
 * One active person who is not an administrator, for PROTECTED_USERS when it is not set: so the
 * demo shows a protected account (and the admin's audited override of it).
 */
async function demoProtectedEmail(emulator: RunningEmulator): Promise<string | undefined> {
  const query = new URLSearchParams({ isActive: "true", "accessLevel:isAdmin": "false", emailAddr_Sort: "asc", $$FIRST: "3", $$LIMIT: "1", fields: "emailAddr" });
  const response = await fetch(`${emulator.url}/attask/api/v21.0/user/search?${query}`, { headers: { apiKey: emulator.apiKey } });
  const body = (await response.json()) as { data?: { emailAddr?: string | null }[] };
  return body.data?.[0]?.emailAddr ?? undefined;
}

async function main() {
  // Opened first and held until the end: with no DATABASE_URL, this starts the embedded server.
  const database = await createDatabase(databaseConfig());
  const emulator = await startEmulator({
    port: emulatorPort,
    latencyMs: 40,
    jitterMs: 60,
    quiet: true,
  });
  const appUrl = `http://localhost:${appPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    WORKFRONT_URL: emulator.url,
    DEMO_ACCOUNTS: "true",
    // The demo works at whatever address it is opened (localhost, 127.0.0.1, the machine's name
    // or address): no fixed public URL, so next-auth and the Origin check take the host the
    // browser asked for (the client cannot forge it here: no proxy is trusted, lib/http).
    AUTH_TRUST_HOST: "true",
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    PROTECTED_USERS: process.env.PROTECTED_USERS ?? (await demoProtectedEmail(emulator)),
  };
  // A key in the environment would lock the Settings page (and point at another tenant).
  delete env.WORKFRONT_API_KEY;
  // Only one public URL would work; set it yourself (and run `npm run dev`) to pin one.
  delete env.NEXTAUTH_URL;
  await connectDemo(database.db, emulator, env.WORKFRONT_CREDENTIAL_SECRET ?? env.AUTH_SECRET!);
  ensureProductionBuild(root, { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  const app = spawn("npx", ["next", "start", "--port", String(appPort)], { stdio: "inherit", env });

  console.log(`\nWorkfront emulator  ${emulator.url}  (integration user ${emulator.integrationUser.username})`);
  console.log(`wf-offboard         ${appUrl}  (or this machine's name or address, port ${appPort})`);
  console.log(`Database            ${describeDatabase(databaseConfig())}`);
  if (env.PROTECTED_USERS) console.log(`Protected accounts  ${env.PROTECTED_USERS} (PROTECTED_USERS; the admin may override)`);
  console.log("");
  console.log("Demo accounts:");
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(8)} ${account.email.padEnd(24)} ${account.password}`);
  console.log("");

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (app.exitCode === null) {
      app.kill("SIGTERM");
      await Promise.race([new Promise((done) => app.once("exit", done)), new Promise((done) => setTimeout(done, 5_000))]);
    }
    await emulator.close();
    await database.close();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  app.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
