import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type AccountRow, type Database, accounts } from "@/lib/db";
import { dummyVerify, hashPassword, verifyPassword } from "./password";
import type { Locale } from "@/lib/i18n/locales";
import { pauseJobsOfDisabledAccount } from "@/lib/jobs/creator-pause";
import { ROLES, type Role } from "./roles";

export { DEMO_ACCOUNTS, type DemoAccount, ensureDemoAccounts } from "./accounts-demo";

/** An account as the app sees it: never the password hash. */
export interface Account {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  disabled: boolean;
  hasPassword: boolean;
  createdAt: Date;
  updatedAt: Date;
  lastLoginAt: Date | null;
  locale: Locale | null;
  /** Sessions signed in with another value have ended (sessions.ts). */
  sessionVersion: number;
}

export const MIN_PASSWORD_LENGTH = 12;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("must be a valid e-mail address").max(254));

/** The body of POST /api/sessions/end: whose sessions end (the caller's own without an e-mail). */
export const endSessionsBodySchema = z.object({ email: emailSchema.optional() }).strict();

export const newAccountSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(200).nullish(),
  role: z.enum(ROLES),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1024, "must be at most 1024 characters"),
});

export type NewAccount = z.input<typeof newAccountSchema>;

export class AccountError extends Error {
  override name = "AccountError";
  constructor(
    readonly code: "email_taken" | "invalid",
    message: string,
  ) {
    super(message);
  }
}

export function toAccount(row: AccountRow): Account {
  const { passwordHash, ...rest } = row;
  return { ...rest, hasPassword: passwordHash !== null };
}

/** Remembers the dashboard language a person chose (null: follow the browser). */
export async function setAccountLocale(db: Database, id: string, locale: Locale | null): Promise<void> {
  await db.update(accounts).set({ locale }).where(eq(accounts.id, id));
}

/** Creates a local account; refuses a taken e-mail with AccountError("email_taken"). */
export async function createAccount(db: Database, input: NewAccount): Promise<Account> {
  const parsed = newAccountSchema.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new AccountError("invalid", detail);
  }
  const { email, name, role, password } = parsed.data;
  const [row] = await db
    .insert(accounts)
    .values({ email, name: name ?? null, role, passwordHash: await hashPassword(password) })
    .onConflictDoNothing({ target: accounts.email })
    .returning();
  if (!row) throw new AccountError("email_taken", `An account for ${email} already exists.`);
  return toAccount(row);
}

export const accountChangeSchema = z
  .object({
    role: z.enum(ROLES).optional(),
    disabled: z.boolean().optional(),
    password: newAccountSchema.shape.password.optional(),
  })
  .refine((change) => Object.values(change).some((value) => value !== undefined), "nothing to change");

export type AccountChange = z.input<typeof accountChangeSchema>;

/**
 * Changes an account found by e-mail: its role, whether it is disabled, its password. Null when
 * there is no such account. Any change ends every session of the account at once (its session
 * version goes up; lib/auth/session.ts checks it on every request), so a disabled, demoted or
 * re-keyed account is signed out everywhere, and enabling it again revives no old session.
 * Disabling also pauses the account's unfinished bulk jobs for an admin (lib/jobs/creator-pause.ts).
 */
export async function updateAccount(db: Database, email: string, change: AccountChange): Promise<Account | null> {
  const parsed = accountChangeSchema.safeParse(change);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join(".") || "change"}: ${issue.message}`).join("; ");
    throw new AccountError("invalid", detail);
  }
  const { role, disabled, password } = parsed.data;
  const [row] = await db
    .update(accounts)
    .set({
      role,
      disabled,
      passwordHash: password === undefined ? undefined : await hashPassword(password),
      sessionVersion: sql`${accounts.sessionVersion} + 1`,
    })
    .where(eq(accounts.email, email.trim().toLowerCase()))
    .returning();
  if (!row) return null;
  // Its bulk jobs stop too, until an admin resumes (takes on) or cancels them.
  if (disabled === true) await pauseJobsOfDisabledAccount(db, row.id);
  return toAccount(row);
}

/**
 * Ends every session of an account ("sign out everywhere"). With `ifVersion`, only if that is
 * still the current version: signing out with a session that has already ended ends nothing else.
 * True when the sessions were ended.
 */
export async function endSessions(db: Database, accountId: string, ifVersion?: number): Promise<boolean> {
  if (!z.uuid().safeParse(accountId).success) return false;
  const [row] = await db
    .update(accounts)
    .set({ sessionVersion: sql`${accounts.sessionVersion} + 1` })
    .where(and(eq(accounts.id, accountId), ifVersion === undefined ? undefined : eq(accounts.sessionVersion, ifVersion)))
    .returning({ id: accounts.id });
  return row !== undefined;
}

export async function findAccountByEmail(db: Database, email: string): Promise<Account | null> {
  const row = await findRowByEmail(db, email);
  return row ? toAccount(row) : null;
}

export async function findAccountById(db: Database, id: string): Promise<Account | null> {
  // A session may carry anything; a non-UUID would make Postgres raise rather than find nothing.
  if (!z.uuid().safeParse(id).success) return null;
  const [row] = await accountByIdStatement(db).execute({ id });
  return row ? toAccount(row) : null;
}

// Every request looks its account up (session.ts), so the query is built and prepared once per
// database rather than each time.
const accountByIdStatements = new WeakMap<Database, ReturnType<typeof prepareAccountById>>();

function prepareAccountById(db: Database) {
  return db.select().from(accounts).where(eq(accounts.id, sql.placeholder("id"))).limit(1).prepare("account_by_id");
}

function accountByIdStatement(db: Database) {
  let statement = accountByIdStatements.get(db);
  if (!statement) accountByIdStatements.set(db, (statement = prepareAccountById(db)));
  return statement;
}

async function findRowByEmail(db: Database, email: string): Promise<AccountRow | null> {
  const [row] = await db
    .select()
    .from(accounts)
    .where(eq(accounts.email, email.trim().toLowerCase()))
    .limit(1);
  return row ?? null;
}

/**
 * The account for these credentials, or null. Unknown e-mails, SSO-only accounts and disabled
 * accounts cost one scrypt too, so timing does not tell them apart from a wrong password.
 */
export async function verifyCredentials(
  db: Database,
  email: string,
  password: string,
): Promise<Account | null> {
  const row = await findRowByEmail(db, email);
  if (!row?.passwordHash) return dummyVerify(password).then(() => null);
  const matches = await verifyPassword(password, row.passwordHash);
  if (!matches || row.disabled) return null;
  const [updated] = await db
    .update(accounts)
    .set({ lastLoginAt: sql`now()` })
    .where(eq(accounts.id, row.id))
    .returning();
  return toAccount(updated ?? row);
}
