import "server-only";
import { eq, sql } from "drizzle-orm";
import { type Database, accounts } from "@/lib/db";
import { type Account, toAccount } from "./accounts";
import type { Role } from "./roles";
import type { SsoProfile } from "./sso-profile";
import { type RoleGroups, roleForGroups } from "./sso-roles";

/** Why a single sign-on was turned away; the no-access page explains each. */
export const SSO_REFUSALS = ["email_missing", "email_unverified", "no_role", "account_disabled"] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];

export type SsoDecision = { ok: true; account: Account } | { ok: false; reason: SsoRefusal; email: string | null };

/**
 * Lets a person in through the IdP, or says why not. The account is the one with the same
 * e-mail, local or not: it is created on first sign-in without a password, and its role is set
 * from the person's groups at every sign-in, so the IdP stays the source of truth. A disabled
 * account stays disabled. A person whose groups grant no role is refused and their account, if
 * any, is left as it is (see docs/sso.md).
 */
export async function signInWithSso(db: Database, profile: SsoProfile, roleGroups: RoleGroups): Promise<SsoDecision> {
  // Lower-cased again here: the accounts table holds lower-case addresses only.
  const email = profile.email?.trim().toLowerCase() || null;
  if (!email) return { ok: false, reason: "email_missing", email: null };
  // The e-mail is what links the person to an account here, so an address the IdP has not
  // checked could take over someone else's account.
  if (profile.emailVerified === false) return { ok: false, reason: "email_unverified", email };
  const role = roleForGroups(profile.groups ?? [], roleGroups);
  if (!role) return { ok: false, reason: "no_role", email };
  const account = await upsertSsoAccount(db, { email, name: profile.name, role });
  if (!account) return { ok: false, reason: "account_disabled", email };
  return { ok: true, account };
}

/** One statement, so that two sign-ins at once cannot both create the account. Null if disabled. */
async function upsertSsoAccount(
  db: Database,
  person: { email: string; name: string | null; role: Role },
): Promise<Account | null> {
  const [row] = await db
    .insert(accounts)
    .values({ email: person.email, name: person.name, role: person.role, passwordHash: null, lastLoginAt: sql`now()` })
    .onConflictDoUpdate({
      target: accounts.email,
      set: {
        role: person.role,
        // A changed role ends the account's other sessions, as it does for local accounts.
        sessionVersion: sql`case when ${accounts.role} = excluded.role then ${accounts.sessionVersion} else ${accounts.sessionVersion} + 1 end`,
        // An IdP that sends no name leaves the one we have.
        name: sql`coalesce(excluded.name, ${accounts.name})`,
        lastLoginAt: sql`now()`,
      },
      setWhere: eq(accounts.disabled, false),
    })
    .returning();
  return row ? toAccount(row) : null;
}
