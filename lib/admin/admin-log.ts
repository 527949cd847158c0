import "server-only";
import { desc } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/session";
import { type Database, adminEvents } from "@/lib/db";
import type { AdminAction } from "./vocabulary";

/** Who made an admin change, and from where: copied into every row, as the audit log does. */
export interface AdminActor {
  user: Pick<SessionUser, "id" | "email" | "role">;
  requestId: string;
  clientIp: string | null;
}

export interface AdminEventInput {
  action: AdminAction;
  subject: string;
  subjectName?: string | null;
  reason?: string | null;
  detail?: Record<string, string | boolean | null>;
}

/** Appends one row to the admin log; `db` may be a transaction, so the change and its row go together. */
export async function recordAdminEvent(db: Pick<Database, "insert">, actor: AdminActor, event: AdminEventInput): Promise<void> {
  await db.insert(adminEvents).values({
    actorAccountId: actor.user.id,
    actorEmail: actor.user.email,
    actorRole: actor.user.role,
    action: event.action,
    subject: event.subject,
    subjectName: event.subjectName ?? null,
    reason: event.reason ?? null,
    detail: event.detail ?? null,
    requestId: actor.requestId,
    clientIp: actor.clientIp,
  });
}

export interface AdminEventDto {
  id: number;
  occurredAt: string;
  actorEmail: string;
  action: AdminAction;
  subject: string;
  subjectName: string | null;
  reason: string | null;
  detail: Record<string, string | boolean | null> | null;
}

export async function recentAdminEvents(db: Database, limit = 50): Promise<AdminEventDto[]> {
  const rows = await db.select().from(adminEvents).orderBy(desc(adminEvents.occurredAt), desc(adminEvents.id)).limit(limit);
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorEmail: row.actorEmail,
    action: row.action,
    subject: row.subject,
    subjectName: row.subjectName,
    reason: row.reason,
    detail: row.detail,
  }));
}

/** The actor of a request: its account, a new request ID, the client's address. */
export function actorOf(user: AdminActor["user"], requestId: string, clientIp: string | null): AdminActor {
  return { user, requestId, clientIp };
}
