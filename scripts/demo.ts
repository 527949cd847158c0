/**
 * `npm run demo`: the whole product on one machine, nothing to configure. Starts the Workfront
 * emulator, then the app against it with the embedded database and three demo accounts, and
 * stops both together.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { startEmulator } from "../emulator";
import { DEMO_ACCOUNTS } from "../lib/auth/accounts-demo";

const appPort = Number(process.env.PORT ?? 3000);
const emulatorPort = Number(process.env.EMULATOR_PORT ?? 4010);

async function main() {
  const emulator = await startEmulator({ port: emulatorPort, latencyMs: 40, jitterMs: 60, quiet: true });
  const appUrl = `http://localhost:${appPort}`;
  const app = spawn("npx", ["next", "dev", "--port", String(appPort)], {
    stdio: "inherit",
    env: {
      ...process.env,
      WORKFRONT_URL: emulator.url,
      WORKFRONT_API_KEY: emulator.apiKey,
      DEMO_ACCOUNTS: "true",
      NEXTAUTH_URL: appUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    },
  });

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
