import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { type Database, type WorkfrontConnectionRow, workfrontConnection } from "@/lib/db";
import type { ConnectionMethod } from "./vocabulary";

/**
 * The one stored connection row. Writes that follow a Workfront answer name the connection they
 * are about (`connectionId`), so an answer about an older connection never lands on a newer one.
 */
const ROW = "current";

export type ConnectionRow = WorkfrontConnectionRow;

/** Who the credential belongs to in Workfront, as the last test found. */
export interface WorkfrontIdentity {
  workfrontUserId: string;
  workfrontUserName: string | null;
  workfrontUserEmail: string | null;
  mayEditUsers: boolean | null;
}

export interface NewConnection extends WorkfrontIdentity {
  tenantUrl: string;
  method: ConnectionMethod;
  sealedSecret: string;
  hint: string;
  connectedByAccountId: string | null;
  connectedByEmail: string;
  keyCreatedAt: Date | null;
  keyCreatedExact: boolean;
}

export async function readConnection(db: Database): Promise<ConnectionRow | null> {
  const [row] = await db.select().from(workfrontConnection).where(eq(workfrontConnection.id, ROW));
  return row ?? null;
}

/** The few columns that tell a cached client whether it is still current: one cheap read. */
export async function readConnectionVersion(db: Database) {
  const [row] = await db
    .select({
      connectionId: workfrontConnection.connectionId,
      secretVersion: workfrontConnection.secretVersion,
      state: workfrontConnection.state,
    })
    .from(workfrontConnection)
    .where(eq(workfrontConnection.id, ROW));
  return row ?? null;
}

/** Replaces whatever was stored: a new connection ID, state ok, tested now. */
export async function saveConnection(db: Database, values: NewConnection): Promise<ConnectionRow> {
  const now = new Date();
  const fresh = {
    ...values,
    connectionId: sql`gen_random_uuid()`,
    secretVersion: 1,
    connectedAt: now,
    state: "ok" as const,
    reconnectReason: null,
    reconnectAt: null,
    lastTestedAt: now,
    updatedAt: now,
  };
  const [row] = await db
    .insert(workfrontConnection)
    .values({ id: ROW, ...fresh })
    .onConflictDoUpdate({ target: workfrontConnection.id, set: fresh })
    .returning();
  return row!;
}

/**
 * Stores a new sealed secret for the same connection: a renewed OAuth2 session (`bump`, so other
 * instances reload it) or the same secret re-sealed under the current key after a rotation.
 */
export async function replaceSecret(
  db: Database,
  connectionId: string,
  sealedSecret: string,
  { bump }: { bump: boolean },
): Promise<number | null> {
  const [row] = await db
    .update(workfrontConnection)
    .set({
      sealedSecret,
      updatedAt: new Date(),
      ...(bump ? { secretVersion: sql`${workfrontConnection.secretVersion} + 1` } : {}),
    })
    .where(and(eq(workfrontConnection.id, ROW), eq(workfrontConnection.connectionId, connectionId)))
    .returning({ secretVersion: workfrontConnection.secretVersion });
  return row?.secretVersion ?? null;
}

/** Workfront refused the stored credential: the app shows "reconnect Workfront" everywhere. */
export async function markReconnect(db: Database, connectionId: string, reason: string): Promise<void> {
  await db
    .update(workfrontConnection)
    .set({ state: "reconnect", reconnectReason: reason.slice(0, 500), reconnectAt: new Date(), updatedAt: new Date() })
    .where(
      and(
        eq(workfrontConnection.id, ROW),
        eq(workfrontConnection.connectionId, connectionId),
        eq(workfrontConnection.state, "ok"),
      ),
    );
}

/**
 * The credential worked for a call that started at `since`: a reconnect state recorded before that
 * call started is over (one recorded later stays: the credential failed after this call began).
 */
export async function clearReconnect(db: Database, connectionId: string, since: Date): Promise<void> {
  await db
    .update(workfrontConnection)
    .set({ state: "ok", reconnectReason: null, reconnectAt: null, updatedAt: new Date() })
    .where(
      and(
        eq(workfrontConnection.id, ROW),
        eq(workfrontConnection.connectionId, connectionId),
        eq(workfrontConnection.state, "reconnect"),
        lt(workfrontConnection.reconnectAt, since),
      ),
    );
}

/** A successful test: who the credential belongs to now, state ok. */
export async function markTested(db: Database, connectionId: string, identity: WorkfrontIdentity): Promise<ConnectionRow | null> {
  const now = new Date();
  const [row] = await db
    .update(workfrontConnection)
    .set({ ...identity, state: "ok", reconnectReason: null, reconnectAt: null, lastTestedAt: now, updatedAt: now })
    .where(and(eq(workfrontConnection.id, ROW), eq(workfrontConnection.connectionId, connectionId)))
    .returning();
  return row ?? null;
}

export async function deleteConnection(db: Database, connectionId: string): Promise<boolean> {
  const deleted = await db
    .delete(workfrontConnection)
    .where(and(eq(workfrontConnection.id, ROW), eq(workfrontConnection.connectionId, connectionId)))
    .returning({ id: workfrontConnection.id });
  return deleted.length > 0;
}
