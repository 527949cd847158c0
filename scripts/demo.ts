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

async function main() {
  const emulator = await startEmulator({ port: emulatorPort, latencyMs: 40, jitterMs: 60, quiet: true });
  const appUrl = `http://localhost:${appPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    WORKFRONT_URL: emulator.url,
    DEMO_ACCOUNTS: "true",
    NEXTAUTH_URL: appUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
  };
  // A key in the environment would lock the Settings page (and point at another tenant).
  delete env.WORKFRONT_API_KEY;
  await connectDemo(emulator, env.WORKFRONT_CREDENTIAL_SECRET ?? env.AUTH_SECRET!);
  const app = spawn("npx", ["next", "dev", "--port", String(appPort)], { stdio: "inherit", env });

  console.log(`\nWorkfront emulator  ${emulator.url}  (integration user ${emulator.integrationUser.username})`);
  console.log(`wf-offboard         ${appUrl}\n`);
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
