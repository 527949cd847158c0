/**
 * `npm run user:update -- --email ada@example.com [--role viewer] [--disable | --enable] [--reset-password]`
 * Changes an account in the configured database (DATABASE_URL, or the embedded PostgreSQL in
 * DATABASE_DIR, joined if the app is running on it): its role,
 * whether it may sign in, its password (a generated one, printed once). Any change ends every
 * session of the account at once.
 */
import { type AccountChange, updateAccount } from "../lib/auth/accounts";
import { generatePassword } from "../lib/auth/password";
import { ROLES, isRole } from "../lib/auth/roles";
import { type Fail, failWith, parseCommand, runScript, withAccountsDatabase } from "./account-cli";

const usage = `Usage: npm run user:update -- --email <address> [--role <${ROLES.join("|")}>] [--disable | --enable] [--reset-password]`;
const fail: Fail = failWith(usage);

async function main() {
  const values = parseCommand(
    {
      email: { type: "string" },
      role: { type: "string" },
      disable: { type: "boolean" },
      enable: { type: "boolean" },
      "reset-password": { type: "boolean" },
    },
    usage,
    fail,
  );
  if (!values.email) fail("--email is required.");
  const role = values.role;
  if (role !== undefined && !isRole(role)) fail(`--role must be one of ${ROLES.join(", ")}.`);
  if (values.disable && values.enable) fail("--disable and --enable exclude each other.");
  const password = values["reset-password"] ? generatePassword() : undefined;
  const change: AccountChange = {
    role,
    disabled: values.disable ? true : values.enable ? false : undefined,
    password,
  };
  if (Object.values(change).every((value) => value === undefined)) fail("Say what to change.");
  const email = values.email;

  const { value: account, where } = await withAccountsDatabase(fail, (db) =>
    updateAccount(db, email, change),
  );
  if (!account) fail(`There is no account for ${email} in ${where}.`, 1);
  console.log(
    `Updated ${account.email} in ${where}: role ${account.role}, ${account.disabled ? "disabled" : "enabled"}.`,
  );
  if (password) console.log(`New password (shown once): ${password}`);
  // The IdP is the source of truth for roles (lib/auth/sso-accounts.ts).
  if (change.role && !account.hasPassword) {
    console.log(
      "Note: this account signs in through SSO, which sets its role from the IdP's groups at every sign-in.",
    );
  }
}

runScript(main);
