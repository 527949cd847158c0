import "server-only";
import type { Role } from "@/lib/auth/roles";
import { type Database, jobEvents } from "@/lib/db";
import type { JobEventAction } from "./vocabulary";

/** Who asked for something: an account through the API, with the request it came in on. */
export interface JobActor {
  accountId: string | null;
  email: string;
  role: Role;
  /** The API token the request came with; `accountId` is then the token's creator. */
  tokenId?: string | null;
  requestId: string;
  clientIp: string | null;
}

/** Records a job-level action; `actor` null means the worker decided it (pause, resume, completion). */
export async function recordJobEvent(
  db: Database,
  jobId: string,
  action: JobEventAction,
  actor: JobActor | null,
  detail?: Record<string, unknown>,
): Promise<void> {
  await db.insert(jobEvents).values({
    jobId,
    action,
    actorAccountId: actor?.accountId ?? null,
    actorEmail: actor?.email.toLowerCase() ?? null,
    actorRole: actor?.role ?? null,
    requestId: actor?.requestId ?? null,
    clientIp: actor?.clientIp ?? null,
    detail: detail ?? null,
  });
}
