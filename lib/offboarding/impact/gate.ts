import "server-only";
import { ApiError } from "@/lib/http/errors";
import type { WorkfrontClient } from "@/lib/workfront";
import { checkPeople } from "./check-people";
import { blockingOf } from "./blocking";
import type { BlockedPerson, OpenWorkEvidence } from "./types";

export { blockingOf };

/** The 409 a deactivation (or a job) gets while someone holds blocking work and nobody overrode it. */
export class OpenWorkBlocked extends ApiError {
  constructor(readonly people: BlockedPerson[]) {
    super(409, "open_work_blocking", blockedMessage(people), { details: { people } });
  }
}

const SHOWN = 20;

function blockedMessage(people: readonly BlockedPerson[]): string {
  const listed = people
    .slice(0, SHOWN)
    .map((person) => `${person.name ?? person.userId} (${person.blocking.map((entry) => `${entry.key}: ${entry.count ?? "unknown"}`).join(", ")})`)
    .join("; ");
  const more = people.length > SHOWN ? `; and ${people.length - SHOWN} more` : "";
  return (
    `${people.length === 1 ? "This person holds" : `${people.length} people hold`} work that blocks deactivation ` +
    `(approvals awaiting them, or approval stages where they are the only approver): ${listed}${more}. ` +
    "Reassign it first, or an admin may override with a reason."
  );
}

export interface GateResult {
  /** Each person's counts and, for the blocked ones an admin overrode, the override: the evidence. */
  evidence: Map<string, OpenWorkEvidence>;
  blocked: BlockedPerson[];
}

/**
 * Reads everyone's open work with the batched check (one report per category per 1,000 people)
 * and says who is blocked. `override` (an admin's reason; the caller checks the role) lets the
 * blocked through, each with what was blocking kept in their evidence.
 */
export async function checkGate(
  client: WorkfrontClient,
  people: readonly { id: string; name?: string | null }[],
  override: { reason: string } | null,
  now: () => Date = () => new Date(),
): Promise<GateResult> {
  const counts = await checkPeople(client, people.map((person) => person.id));
  const checkedAt = now().toISOString();
  const evidence = new Map<string, OpenWorkEvidence>();
  const blocked: BlockedPerson[] = [];
  for (const person of people) {
    const entry = counts.get(person.id);
    if (!entry || evidence.has(person.id)) continue;
    const blocking = blockingOf(entry);
    if (blocking.length > 0) blocked.push({ userId: person.id, name: person.name ?? null, blocking });
    evidence.set(person.id, {
      ...entry,
      checkedAt,
      override: blocking.length > 0 && override ? { reason: override.reason, blocking } : null,
    });
  }
  return { evidence, blocked };
}

/** Refuses when someone is blocked and no override was given. */
export function assertGate(result: GateResult, override: { reason: string } | null): void {
  if (result.blocked.length > 0 && !override) throw new OpenWorkBlocked(result.blocked);
}
