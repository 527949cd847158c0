/**
 * `npm run user:add -- --email ada@example.com --role operator [--name "Ada L."] [--password …]`
 * Creates a local account in the configured database (DATABASE_URL, or PGlite in PGLITE_DIR),
 * migrating it first. Without --password it generates a strong one and prints it once.
 * With PGlite, stop the app first: only one process may open its directory at a time.
 */
import { parseArgs } from "node:util";
import { AccountError, createAccount } from "../lib/auth/accounts";
import { generatePassword } from "../lib/auth/password";
import { ROLES, isRole } from "../lib/auth/roles";
import { createDatabase, databaseConfig, describeDatabase, migrate } from "../lib/db";

const usage = `Usage: npm run user:add -- --email <address> --role <${ROLES.join("|")}> [--name <name>] [--password <password>]`;

function fail(message: string, code = 2): never {
  console.error(`${message}\n${usage}`);
  process.exit(code);
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        email: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        password: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  if (!values.email) fail("--email is required.");
  if (!isRole(values.role)) fail(`--role must be one of ${ROLES.join(", ")}.`);
  // A password typed on the command line stays in the shell's history; say so rather than refuse.
  if (values.password)
    console.warn("Note: a password given with --password may remain in your shell history.");
  const password = values.password ?? generatePassword();

  const config = databaseConfig();
  const database = await createDatabase(config);
  try {
    await migrate(database.db);
    const account = await createAccount(database.db, {
      email: values.email,
      name: values.name,
      role: values.role,
      password,
    });
    console.log(`Created ${account.role} account ${account.email} in ${describeDatabase(config)}.`);
    if (!values.password) console.log(`Password (shown once): ${password}`);
  } catch (error) {
    if (error instanceof AccountError) fail(error.message, 1);
    throw error;
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
