/**
 * `npm run demo`: the whole product on one machine, nothing to configure. Starts the Workfront
 * emulator, then the app against it with the embedded database and three demo accounts, and
 * stops both together.
 *
 * The app is connected to the emulator the way an admin would connect it: the emulator's key is
 * stored (encrypted) as the Settings page's connection before the app starts, rather than passed
 * as WORKFRONT_API_KEY, which would lock the Settings page. The emulator is new on every start, so
 * the connection is made again on every start.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { type RunningEmulator, startEmulator } from "../emulator";
import { DEMO_ACCOUNTS } from "../lib/auth/accounts-demo";
import { ConnectionResolver, connectWorkfront } from "../lib/connection";
import { keyring } from "../lib/connection/crypto";
import { createDatabase, databaseConfig, migrate } from "../lib/db";
import { machineHosts } from "./dev-origins";

const appPort = Number(process.env.PORT ?? 3000);
const emulatorPort = Number(process.env.EMULATOR_PORT ?? 4010);

/**
 * Stores the emulator's key as the app's Workfront connection, in the database the app will open,
 * sealed with the secret the app will be given (AUTH_SECRET, or WORKFRONT_CREDENTIAL_SECRET).
 */
async function connectDemo(emulator: RunningEmulator, secret: string): Promise<void> {
  const handle = await createDatabase(databaseConfig());
  try {
    await migrate(handle.db);
    const resolver = new ConnectionResolver({ db: handle.db, ring: keyring(secret), settings: {}, envConnection: null });
    const input = { method: "api_key" as const, tenant: emulator.url, apiKey: emulator.apiKey };
    await connectWorkfront(resolver, input, { accountId: null, email: "npm run demo" });
  } finally {
    await handle.close();
  }
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
    // browser asked for (the client cannot forge it here: no proxy is trusted, lib/http), and
    // the dev server serves its scripts to each of these hosts (next.config.js).
    AUTH_TRUST_HOST: "true",
    ALLOWED_DEV_ORIGINS: [...machineHosts(), ...(process.env.ALLOWED_DEV_ORIGINS ?? "").split(",")].filter(Boolean).join(","),
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    PROTECTED_USERS: process.env.PROTECTED_USERS ?? (await demoProtectedEmail(emulator)),
  };
  // A key in the environment would lock the Settings page (and point at another tenant).
  delete env.WORKFRONT_API_KEY;
  // Only one public URL would work; set it yourself (and run `npm run dev`) to pin one.
  delete env.NEXTAUTH_URL;
  await connectDemo(emulator, env.WORKFRONT_CREDENTIAL_SECRET ?? env.AUTH_SECRET!);
  const app = spawn("npx", ["next", "dev", "--port", String(appPort)], { stdio: "inherit", env });

  console.log(`\nWorkfront emulator  ${emulator.url}  (integration user ${emulator.integrationUser.username})`);
  console.log(`wf-offboard         ${appUrl}  (or this machine's name or address, port ${appPort})`);
  if (env.PROTECTED_USERS) console.log(`Protected accounts  ${env.PROTECTED_USERS} (PROTECTED_USERS; the admin may override)`);
  console.log("");
  console.log("Demo accounts:");
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(8)} ${account.email.padEnd(24)} ${account.password}`);
  console.log("");

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    app.kill("SIGTERM");
    await emulator.close();
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
