import "server-only";
import { inArray } from "drizzle-orm";
import { type Database, accounts } from "@/lib/db";
import { hashPassword } from "./password";
import type { Role } from "./roles";

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  password: string;
  /** False when the account already existed (its password may since have been changed). */
  created: boolean;
}

/** Fixed so a demo can be driven from the README and by end-to-end tests. Never for production. */
export const DEMO_ACCOUNTS: readonly Omit<DemoAccount, "created">[] = [
  { email: "admin@demo.local", name: "Demo Admin", role: "admin", password: "demo-admin-password" },
  {
    email: "operator@demo.local",
    name: "Demo Operator",
    role: "operator",
    password: "demo-operator-password",
  },
  { email: "viewer@demo.local", name: "Demo Viewer", role: "viewer", password: "demo-viewer-password" },
];

/**
 * Creates the three demo accounts that are missing and returns all three for printing. Safe to
 * run at every start and from two instances at once: an existing account is left as it is.
 */
export async function ensureDemoAccounts(db: Database): Promise<DemoAccount[]> {
  const emails = DEMO_ACCOUNTS.map((demo) => demo.email);
  const present = await db
    .select({ email: accounts.email })
    .from(accounts)
    .where(inArray(accounts.email, emails));
  const existing = new Set(present.map((row) => row.email));
  const result: DemoAccount[] = [];
  for (const demo of DEMO_ACCOUNTS) {
    // Skips the scrypt cost at every start once the accounts exist.
    if (existing.has(demo.email)) {
      result.push({ ...demo, created: false });
      continue;
    }
    const inserted = await db
      .insert(accounts)
      .values({
        email: demo.email,
        name: demo.name,
        role: demo.role,
        passwordHash: await hashPassword(demo.password),
      })
      .onConflictDoNothing({ target: accounts.email })
      .returning({ id: accounts.id });
    result.push({ ...demo, created: inserted.length > 0 });
  }
  return result;
}
