/** What the account scripts (user-add.ts, user-update.ts) share: failing with their usage, and the database. */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { AccountError } from "../lib/auth/accounts";
import { type Database, createDatabase, databaseConfig, describeDatabase, migrate } from "../lib/db";

/** Declared, not inferred: TypeScript narrows after a call only through an annotated `never`. */
export type Fail = (message: string, code?: number) => never;

export function failWith(usage: string): Fail {
  return (message, code = 2) => {
    console.error(`${message}\n${usage}`);
    process.exit(code);
  };
}

const HELP = { help: { type: "boolean", short: "h" } } as const;

/** The command's options (`--help` prints the usage and ends), or its usage and exit code 2. */
export function parseCommand<const O extends NonNullable<ParseArgsConfig["options"]>>(
  options: O,
  usage: string,
  fail: Fail,
) {
  const config = { options: { ...options, ...HELP }, strict: true } as const;
  let parsed: ReturnType<typeof parseArgs<typeof config>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  return parsed.values;
}

/**
 * Runs `work` on the configured database (DATABASE_URL, or the embedded PostgreSQL in DATABASE_DIR:
 * joined when the app runs on it, else started for the script and stopped after), migrated first,
 * and closes it before anything is printed. An AccountError then ends the process with its message
 * and exit code 1.
 */
export async function withAccountsDatabase<T>(
  fail: Fail,
  work: (db: Database) => Promise<T>,
): Promise<{ value: T; where: string }> {
  const config = databaseConfig();
  const database = await createDatabase(config);
  let outcome: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    await migrate(database.db);
    outcome = { ok: true, value: await work(database.db) };
  } catch (error) {
    outcome = { ok: false, error };
  } finally {
    await database.close();
  }
  if (outcome.ok) return { value: outcome.value, where: describeDatabase(config) };
  if (outcome.error instanceof AccountError) fail(outcome.error.message, 1);
  throw outcome.error;
}

export function runScript(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
