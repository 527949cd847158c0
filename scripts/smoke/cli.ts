/**
 * `npm run smoke -- --url https://<tenant> [--version 21.0] [--write --user <ID>] [--batch]`
 *
 * Checks every Workfront behaviour the app relies on against a tenant or sandbox, read-only unless
 * `--write` names a test user, and prints a table: check, result, what the app will do. The
 * credential comes from the environment (WORKFRONT_API_KEY, or the WORKFRONT_OAUTH_* variables)
 * and is never printed. Exit code 0: every check passed; 1: a check failed; 2: bad usage.
 */
import { parseArgs } from "node:util";
import { CredentialSetupError, credentialFromEnv } from "./credential";
import { hasFailure } from "./rows";
import { runSmoke } from "./run-smoke";
import { redact, renderTable, summary } from "./table";

const usage = `Usage: npm run smoke -- --url https://<tenant> [--version 21.0] [--write --user <ID>] [--batch]

  --url      the tenant, e.g. https://acme.my.workfront.com (required)
  --version  the API version the app will use (default: WORKFRONT_API_VERSION, else 21.0)
  --write    also deactivate and reactivate a test user through each write path, and put it back
  --user     the test user's Workfront ID (with --write): active, not the credential's own user,
             not the customer's main admin
  --batch    also probe /batch (undocumented), and write through it with --write

The credential comes from the environment: WORKFRONT_API_KEY (with WORKFRONT_API_KEY_PLACEMENT), or
the OAuth2 app: WORKFRONT_OAUTH_CLIENT_ID, WORKFRONT_OAUTH_CLIENT_SECRET,
WORKFRONT_OAUTH_PRIVATE_KEY_PEM (or WORKFRONT_OAUTH_PRIVATE_KEY_FILE), WORKFRONT_OAUTH_CUSTOMER_ID,
WORKFRONT_OAUTH_USER_ID.`;

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

function options() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        url: { type: "string" },
        version: { type: "string" },
        write: { type: "boolean", default: false },
        user: { type: "string" },
        batch: { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (!values.url) fail("--url is required.");
  const version = values.version ?? process.env.WORKFRONT_API_VERSION?.trim() ?? "21.0";
  if (!/^\d{1,2}\.0$/.test(version)) fail(`--version must look like 21.0 (got ${JSON.stringify(version)}).`);
  if (values.write !== Boolean(values.user)) fail("--write and --user <ID> go together.");
  let credential;
  try {
    credential = credentialFromEnv();
  } catch (error) {
    if (error instanceof CredentialSetupError) fail(error.message);
    throw error;
  }
  return {
    url: values.url,
    version,
    credential,
    batch: values.batch,
    write: values.user ? { userId: values.user } : undefined,
  };
}

async function main() {
  const given = options();
  const mode = given.write ? `writes on test user ${given.write.userId}` : "read-only";
  console.log(
    `Smoke check of ${given.url}, API v${given.version}, ${mode}${given.batch ? ", with /batch" : ""}.\n`,
  );
  const report = await runSmoke(given).catch((error: unknown) => {
    const secrets =
      given.credential.kind === "apiKey" ? [given.credential.apiKey] : [given.credential.app.clientSecret];
    console.error(
      redact(`The smoke check stopped: ${error instanceof Error ? error.message : String(error)}`, secrets),
    );
    process.exit(1);
  });
  console.log(renderTable(report.rows, report.secrets));
  console.log(`\n${summary(report.rows)}`);
  process.exitCode = hasFailure(report.rows) ? 1 : 0;
}

void main();
