import "server-only";
import { asc } from "drizzle-orm";
import { z } from "zod";
import { AccountError, createAccount, emailSchema, findAccountByEmail, updateAccount } from "@/lib/auth/accounts";
import { generatePassword } from "@/lib/auth/password";
import { ROLES, type Role } from "@/lib/auth/roles";
import { type Database, accounts } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { type AdminActor, recordAdminEvent } from "./admin-log";

/**
 * Dashboard accounts as an admin manages them in Settings: invite (with a generated password,
 * shown once), change the role, disable or enable, sign out everywhere. Each change is written to
 * the admin log; a role change or a disable also ends every session of the account
 * (lib/auth/accounts.ts), and disabling pauses its unfinished bulk jobs.
 */
export interface AccountDto {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  disabled: boolean;
  hasPassword: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export const inviteSchema = z.object({ email: emailSchema, name: z.string().trim().min(1).max(200).optional(), role: z.enum(ROLES) }).strict();

export const accountUpdateSchema = z
  .object({ email: emailSchema, role: z.enum(ROLES).optional(), disabled: z.boolean().optional() })
  .strict()
  .refine((change) => change.role !== undefined || change.disabled !== undefined, { message: "role or disabled: nothing to change" });

export async function listAccounts(db: Database): Promise<AccountDto[]> {
  const rows = await db.select().from(accounts).orderBy(asc(accounts.email));
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled,
    hasPassword: row.passwordHash !== null,
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  }));
}

/** A new local account with a generated password, which the answer holds once and nothing stores in clear. */
export async function inviteAccount(db: Database, actor: AdminActor, input: z.infer<typeof inviteSchema>): Promise<{ email: string; password: string }> {
  const password = generatePassword();
  try {
    await createAccount(db, { email: input.email, name: input.name ?? null, role: input.role, password });
  } catch (error) {
    if (error instanceof AccountError && error.code === "email_taken") throw new ApiError(409, "email_taken", error.message);
    throw error;
  }
  await recordAdminEvent(db, actor, { action: "account_invited", subject: input.email, subjectName: input.name ?? null, detail: { role: input.role } });
  return { email: input.email, password };
}

/** An admin cannot lock themselves out: their own role and status are changed by another admin. */
function refuseOwn(actor: AdminActor, email: string): void {
  if (actor.user.email === email) throw new ApiError(409, "own_account", "You cannot change your own role or disable your own account here.");
}

export async function changeAccount(db: Database, actor: AdminActor, input: z.infer<typeof accountUpdateSchema>): Promise<void> {
  refuseOwn(actor, input.email);
  const before = await findAccountByEmail(db, input.email);
  if (!before) throw new ApiError(404, "account_not_found", "There is no account with this e-mail.");
  const role = input.role !== undefined && input.role !== before.role ? input.role : undefined;
  const disabled = input.disabled !== undefined && input.disabled !== before.disabled ? input.disabled : undefined;
  if (role === undefined && disabled === undefined) return;
  await updateAccount(db, input.email, { role, disabled });
  if (role !== undefined) {
    await recordAdminEvent(db, actor, { action: "account_role_changed", subject: before.email, subjectName: before.name, detail: { from: before.role, to: role } });
  }
  if (disabled !== undefined) {
    await recordAdminEvent(db, actor, { action: disabled ? "account_disabled" : "account_enabled", subject: before.email, subjectName: before.name });
  }
}
