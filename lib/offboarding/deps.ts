import "server-only";
import { type Database, getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { type WorkfrontClient, workfront } from "@/lib/workfront";

/** What the offboarding functions work with; tests and workers pass their own. */
export interface OffboardingDeps {
  db: Database;
  client: WorkfrontClient;
  /** E-mails or IDs from PROTECTED_USERS, lower-case. */
  protectedUsers: readonly string[];
}

/** The app's own: the process-wide database and Workfront client, and the configuration. */
export async function appDeps(): Promise<OffboardingDeps> {
  return { db: await getDb(), client: workfront(), protectedUsers: env().PROTECTED_USERS };
}
