import "server-only";
import { appConnection } from "@/lib/connection";
import { type Database, getDb } from "@/lib/db";
import { protectedIds } from "@/lib/admin/protected-people";
import { env } from "@/lib/env";
import type { WorkfrontClient } from "@/lib/workfront";
import { type PersonLockOptions, personLockOptions } from "./person-locks";

/** What the offboarding functions work with; tests and workers pass their own. */
export interface OffboardingDeps {
  db: Database;
  client: WorkfrontClient;
  /** E-mails or IDs from PROTECTED_USERS, lower-case, and the IDs an admin protected in Settings. */
  protectedUsers: readonly string[];
  /** How long one action holds a person and another waits for it (default: from a 2-minute deadline). */
  personLock?: PersonLockOptions;
}

/**
 * The app's own: the process-wide database, the Workfront client of the current connection
 * (environment key, stored connection, or one that answers "not connected"), and the
 * configuration. Resolved per request, so a new connection applies without a restart; the client
 * object stays the same for the life of a connection, so its cached tenant facts are its own.
 */
export async function appDeps(): Promise<OffboardingDeps> {
  const resolver = await appConnection();
  const config = env();
  const db = await getDb();
  return {
    db,
    client: await resolver.client(),
    protectedUsers: [...config.PROTECTED_USERS, ...(await protectedIds(db))],
    personLock: personLockOptions(config.WORKFRONT_DEADLINE_MS),
  };
}
