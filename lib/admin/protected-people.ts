import "server-only";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { type Database, protectedPeople } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { type WorkfrontClient, type WorkfrontUser, isWorkfrontError, workfrontIdSchema } from "@/lib/workfront";
import { type AdminActor, recordAdminEvent } from "./admin-log";

/**
 * The protected list kept in the app: Workfront people an admin added in Settings, with a reason.
 * Refused like PROTECTED_USERS (the environment's list, which stays a locked base list nobody can
 * remove here): single actions unless an admin overrides, bulk jobs always.
 */
export const addProtectedSchema = z
  .object({
    /** A Workfront ID or the person's e-mail address. */
    person: z.string().trim().min(1).max(254),
    reason: z.string().trim().min(3, "at least 3 characters").max(500, "at most 500 characters"),
  })
  .strict();

export const removeProtectedSchema = z
  .object({
    workfrontId: workfrontIdSchema,
    reason: z.string().trim().min(3, "at least 3 characters").max(500, "at most 500 characters"),
  })
  .strict();

export interface ProtectedPersonDto {
  workfrontId: string;
  name: string;
  email: string | null;
  reason: string;
  addedByEmail: string;
  addedAt: string;
}

/** The IDs on the app's list, for the protection checks (lib/offboarding/deps.ts). */
export async function protectedIds(db: Database): Promise<string[]> {
  const rows = await db.select({ id: protectedPeople.workfrontId }).from(protectedPeople);
  return rows.map((row) => row.id);
}

export async function listProtectedPeople(db: Database): Promise<ProtectedPersonDto[]> {
  const rows = await db.select().from(protectedPeople).orderBy(asc(protectedPeople.name), asc(protectedPeople.workfrontId));
  return rows.map((row) => ({ ...row, addedAt: row.addedAt.toISOString() }));
}

const WORKFRONT_ID = /^[0-9a-f]{32}$/i;

/** The person an entry names, read from Workfront now; an entry that names nobody is a 422. */
async function findPerson(client: WorkfrontClient, person: string): Promise<WorkfrontUser> {
  const nobody = () => new ApiError(422, "person_not_found", `Workfront has no user ${person}; nothing was added.`);
  if (WORKFRONT_ID.test(person)) {
    try {
      return await client.getUser(person.toLowerCase());
    } catch (error) {
      if (isWorkfrontError(error) && (error.code === "not_found" || error.code === "validation")) throw nobody();
      throw error;
    }
  }
  if (!z.email().safeParse(person).success) {
    throw new ApiError(400, "invalid_request", "person: a Workfront ID (32 hexadecimal characters) or an e-mail address");
  }
  // ciin with one value: the operator the import's e-mail look-up already relies on (fidelity #22).
  const found = await client.searchUsers({ filters: [{ field: "emailAddr", op: "ciin", values: [person] }], limit: 2 });
  if (found.length === 0) throw nobody();
  if (found.length > 1) throw new ApiError(422, "person_ambiguous", `More than one Workfront user has the e-mail ${person}; add them by ID.`);
  return found[0]!;
}

export async function addProtectedPerson(db: Database, client: WorkfrontClient, actor: AdminActor, input: z.infer<typeof addProtectedSchema>): Promise<ProtectedPersonDto> {
  const person = await findPerson(client, input.person);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(protectedPeople)
      .values({ workfrontId: person.id, name: person.name, email: person.email, reason: input.reason, addedByEmail: actor.user.email })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new ApiError(409, "already_protected", `${person.name} is already on the protected list.`);
    await recordAdminEvent(tx, actor, { action: "person_protected", subject: person.id, subjectName: person.name, reason: input.reason });
    return { ...row, addedAt: row.addedAt.toISOString() };
  });
}

export async function removeProtectedPerson(db: Database, actor: AdminActor, input: z.infer<typeof removeProtectedSchema>): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(protectedPeople).where(eq(protectedPeople.workfrontId, input.workfrontId)).returning();
    if (!row) throw new ApiError(404, "not_found", "This person is not on the protected list.");
    await recordAdminEvent(tx, actor, { action: "person_unprotected", subject: row.workfrontId, subjectName: row.name, reason: input.reason });
  });
}
