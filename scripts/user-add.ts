/**
 * `npm run user:add -- --email ada@example.com --role operator [--name "Ada L."] [--password …]`
 * Creates a local account in the configured database (DATABASE_URL, or the embedded PostgreSQL in
 * DATABASE_DIR, joined if the app is running on it), migrating it first. Without --password it
 * generates a strong one and prints it once.
 */
import { createAccount } from "../lib/auth/accounts";
import { generatePassword } from "../lib/auth/password";
import { ROLES, isRole } from "../lib/auth/roles";
import { type Fail, failWith, parseCommand, runScript, withAccountsDatabase } from "./account-cli";

const usage = `Usage: npm run user:add -- --email <address> --role <${ROLES.join("|")}> [--name <name>] [--password <password>]`;
const fail: Fail = failWith(usage);

async function main() {
  const values = parseCommand(
    {
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
    },
    usage,
    fail,
  );
  if (!values.email) fail("--email is required.");
  if (!isRole(values.role)) fail(`--role must be one of ${ROLES.join(", ")}.`);
  // A password typed on the command line stays in the shell's history; say so rather than refuse.
  if (values.password)
    console.warn("Note: a password given with --password may remain in your shell history.");
  const password = values.password ?? generatePassword();
  const { email, name, role } = values;

  const { value: account, where } = await withAccountsDatabase(fail, (db) =>
    createAccount(db, { email, name, role, password }),
  );
  console.log(`Created ${account.role} account ${account.email} in ${where}.`);
  if (!values.password) console.log(`Password (shown once): ${password}`);
}

runScript(main);
