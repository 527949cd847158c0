import { MAIN_ADMIN_USERNAME } from "./seed/generate-tenant";
import { USAGE, parseOptions, switchesOn } from "./cli-options";
import { startEmulator } from "./index";

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!options) {
    console.log(USAGE);
    return;
  }
  const emulator = await startEmulator(options);
  const user = emulator.integrationUser;
  console.log(
    [
      `  API base        ${emulator.url}/attask/api/v21.0   (v16.0-v22.0, or unversioned)`,
      `  control API     ${emulator.url}/__emulator/info`,
      `  OAuth2          ${emulator.url}/integrations/oauth2/api/v1/jwt/exchange   (register an app: POST /__emulator/oauth-apps)`,
      `  integration     ${user.name} <${user.username}>  password: ${user.password}`,
      `  API key         ${emulator.apiKey}`,
      `  main admin      ${MAIN_ADMIN_USERNAME} (ID ${emulator.adminUserID}) — cannot be deactivated`,
      `  anchor day      ${emulator.anchorDay} (UTC; --anchor-day or WF_EMULATOR_ANCHOR_DAY to change)`,
      `  switches on     ${switchesOn(options).join(", ") || "none (strict: only what Adobe documents)"}`,
    ].join("\n"),
  );
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`[wf-emulator] ${signal}: closing`);
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`[wf-emulator] ${error instanceof Error ? error.message : String(error)}`);
  console.error("Run with --help for the options.");
  process.exit(1);
});
