import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { type AdminActor, recordAdminEvent } from "@/lib/admin/admin-log";
import type { TokenRole } from "@/lib/auth/token-roles";
import { type Database, apiTokens } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import type { CreateTokenInput } from "./schemas";
import { hashToken, newTokenSecret, shownPrefix } from "./secret";

/** Admins create, list and revoke API tokens here; every change is a row of the admin log. */
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ApiTokenDto {
  id: string;
  name: string;
  role: TokenRole;
  /** `wfo_` and four characters: enough to tell tokens apart, far too little to use one. */
  prefix: string;
  createdByEmail: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The answer to a creation: the token itself, this once, beside its listing. */
export interface CreatedApiTokenDto extends ApiTokenDto {
  token: string;
}

function toDto(row: typeof apiTokens.$inferSelect): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdByEmail: row.createdByEmail,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function createApiToken(db: Database, actor: AdminActor, input: CreateTokenInput, now = new Date()): Promise<CreatedApiTokenDto> {
  const token = newTokenSecret();
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiTokens)
      .values({
        name: input.name,
        role: input.role,
        tokenHash: hashToken(token),
        prefix: shownPrefix(token),
        createdByAccountId: actor.user.id,
        createdByEmail: actor.user.email,
        createdAt: now,
        expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
      })
      .returning();
    await recordAdminEvent(tx, actor, {
      action: "token_created",
      subject: created!.id,
      subjectName: input.name,
      detail: { role: input.role, expiresAt: created!.expiresAt.toISOString() },
    });
    return created!;
  });
  return { ...toDto(row), token };
}

/** Every token, newest first, revoked and expired ones included (they say when they stopped). */
export async function listApiTokens(db: Database): Promise<ApiTokenDto[]> {
  const rows = await db.select().from(apiTokens).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map(toDto);
}

/** Revokes a token at once: the next request with it gets 401. Revoking a revoked token changes nothing. */
export async function revokeApiToken(db: Database, actor: AdminActor, id: string): Promise<ApiTokenDto> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(apiTokens).where(eq(apiTokens.id, id)).for("update");
    if (!row) throw new ApiError(404, "token_not_found", "There is no such token.");
    if (row.revokedAt) return toDto(row);
    const [revoked] = await tx.update(apiTokens).set({ revokedAt: sql`now()` }).where(eq(apiTokens.id, id)).returning();
    await recordAdminEvent(tx, actor, { action: "token_revoked", subject: row.id, subjectName: row.name });
    return toDto(revoked!);
  });
}
