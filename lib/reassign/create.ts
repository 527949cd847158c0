import "server-only";
import { type Database, reassignmentItems, reassignments } from "@/lib/db";
import type { Role } from "@/lib/auth/roles";
import type { PlannedItem } from "./plan";

export interface ReassignmentActor {
  accountId: string | null;
  email: string;
  role: Role;
  /** The API token used, if any (accountId is then its creator). */
  tokenId?: string | null;
}

export interface NewReassignment {
  actor: ReassignmentActor;
  reason: string;
  ticket: string | null;
  requestId: string;
  clientIp: string | null;
  items: readonly PlannedItem[];
}

/** One transaction: the reassignment and all its items, pending. The runner does the Workfront work. */
export async function createReassignment(db: Database, input: NewReassignment): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reassignments)
      .values({
        createdByAccountId: input.actor.accountId,
        createdByEmail: input.actor.email,
        createdByRole: input.actor.role,
        createdByTokenId: input.actor.tokenId ?? null,
        reason: input.reason,
        ticket: input.ticket,
        requestId: input.requestId,
        clientIp: input.clientIp,
        // Nothing to hand over: complete at once.
        ...(input.items.length === 0 ? { status: "completed" as const, finishedAt: new Date() } : {}),
      })
      .returning({ id: reassignments.id });
    const id = row!.id;
    for (let i = 0; i < input.items.length; i += 500) {
      await tx
        .insert(reassignmentItems)
        .values(input.items.slice(i, i + 500).map((item) => ({ ...item, reassignmentId: id })));
    }
    return id;
  });
}
