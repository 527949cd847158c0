import "server-only";
import { ApiError } from "@/lib/http/errors";
import { CATEGORY_DEFS } from "@/lib/offboarding/impact/categories";
import { IMPACT_CATEGORIES, type ImpactCategoryKey } from "@/lib/offboarding/impact/types";
import type { Database } from "@/lib/db";
import type { WorkfrontClient, WorkfrontUser } from "@/lib/workfront";
import { type Leaving, leavingAmong } from "./leaving";

export interface LeaverRequest {
  leaverId: string;
  /** Default: the leaver's manager (`managerID`). */
  successorId?: string;
  /** A successor of its own for a category, instead of the default one. */
  successors?: Partial<Record<ImpactCategoryKey, string>>;
}

/** A leaver and who takes their work: the default successor, and per category where chosen. */
export interface SuccessorPair {
  leaver: WorkfrontUser;
  /** Null only when every category asked for has a successor of its own. */
  successor: WorkfrontUser | null;
  byCategory?: Partial<Record<ImpactCategoryKey, WorkfrontUser>>;
}

export interface PlannedItem {
  leaverId: string;
  leaverName: string | null;
  successorId: string;
  successorName: string | null;
  category: ImpactCategoryKey;
  objCode: string;
  objectId: string;
  objectName: string | null;
  field: string;
}

const PAGE = 2000;
const IDS_PER_QUERY = 1000;

/** Categories the API can hand over: a person field the app may edit (docs/workfront-fidelity.md 52, 54). */
export const REASSIGNABLE = IMPACT_CATEGORIES.filter((key) => CATEGORY_DEFS[key].reassign !== null);

/**
 * Checks every leaver and successor before anything is written: each successor (the default, the
 * leaver's manager unless one is named, and any chosen per category) must exist in Workfront, be
 * active, and be neither the leaver nor another leaver: of the same request, of a deactivation
 * job that has not finished, or with an open scheduled deactivation (`leavingAmong`), whose work
 * would be orphaned again. Any failure is a 4xx naming the person; nothing is written.
 */
export async function resolveSuccessors(
  { client, db }: { client: WorkfrontClient; db: Database },
  requests: readonly LeaverRequest[],
  categories: readonly ImpactCategoryKey[] = REASSIGNABLE,
): Promise<SuccessorPair[]> {
  const leaverIds = new Set(requests.map((r) => r.leaverId));
  if (leaverIds.size !== requests.length)
    throw new ApiError(400, "invalid_request", "A leaver is listed twice.");
  const wanted = categories.filter((key) => REASSIGNABLE.includes(key));
  const leavers = await readUsers(client, [...leaverIds]);
  const plans = requests.map((request) => {
    const leaver = leavers.get(request.leaverId);
    if (!leaver) throw new ApiError(404, "leaver_unknown", `Workfront has no user ${request.leaverId}.`);
    const chosen = Object.entries(request.successors ?? {}).filter(
      (entry): entry is [ImpactCategoryKey, string] => typeof entry[1] === "string" && wanted.includes(entry[0] as ImpactCategoryKey),
    );
    const needsDefault = wanted.some((key) => !request.successors?.[key]);
    const successorId = needsDefault ? (request.successorId ?? leaver.managerId) : (request.successorId ?? null);
    if (needsDefault && !successorId) {
      throw new ApiError(
        422,
        "successor_missing",
        `${leaver.name} has no manager in Workfront: name a successor.`,
      );
    }
    for (const id of [successorId, ...chosen.map(([, id]) => id)]) {
      if (id === null) continue;
      if (id === leaver.id)
        throw new ApiError(422, "successor_is_leaver", `${leaver.name} cannot succeed themself.`);
      if (leaverIds.has(id)) {
        throw new ApiError(
          422,
          "successor_is_leaver",
          `A successor for ${leaver.name} is leaving too, in this same request.`,
        );
      }
    }
    return { leaver, successorId, chosen };
  });
  const ids = plans.flatMap((plan) => [...(plan.successorId ? [plan.successorId] : []), ...plan.chosen.map(([, id]) => id)]);
  const successors = await readUsers(client, [...new Set(ids)]);
  const check = (leaver: WorkfrontUser, id: string): WorkfrontUser => {
    const successor = successors.get(id);
    if (!successor)
      throw new ApiError(422, "successor_unknown", `Workfront has no user ${id} to hand ${leaver.name}'s work to.`);
    if (!successor.isActive) {
      throw new ApiError(
        422,
        "successor_inactive",
        `${successor.name} is deactivated and cannot be given ${leaver.name}'s work.`,
      );
    }
    return successor;
  };
  const pairs = plans.map(({ leaver, successorId, chosen }) => ({
    leaver,
    successor: successorId ? check(leaver, successorId) : null,
    byCategory: Object.fromEntries(chosen.map(([key, id]) => [key, check(leaver, id)])),
  }));
  // Last, once everyone is known and active: the database says who the app is about to deactivate.
  const leaving = await leavingAmong(db, [...successors.keys()]);
  for (const pair of pairs) {
    for (const successor of [pair.successor, ...Object.values(pair.byCategory)]) {
      const why = successor ? leaving.get(successor.id) : undefined;
      if (successor && why) throw leavingError(pair.leaver, successor, why);
    }
  }
  return pairs;
}

function leavingError(leaver: WorkfrontUser, successor: WorkfrontUser, why: Leaving): ApiError {
  const when =
    why.kind === "job"
      ? `deactivation job ${why.jobId}, not finished yet, deactivates them`
      : `they are scheduled to be deactivated at ${why.dueAt.toISOString()}`;
  return new ApiError(
    422,
    "successor_is_leaver",
    `${successor.name} is leaving too (${when}): hand ${leaver.name}'s work to someone who stays.`,
    {
      details:
        why.kind === "job"
          ? { successorId: successor.id, jobId: why.jobId }
          : { successorId: successor.id, scheduleId: why.scheduleId, dueAt: why.dueAt.toISOString() },
    },
  );
}

async function readUsers(client: WorkfrontClient, ids: string[]): Promise<Map<string, WorkfrontUser>> {
  const found = new Map<string, WorkfrontUser>();
  for (let i = 0; i < ids.length; i += 100) {
    for (const user of await client.getUsers(ids.slice(i, i + 100))) found.set(user.id, user);
  }
  return found;
}

/**
 * Every object each leaver holds in the chosen categories, read with in-lists of the leavers
 * (one paged search per category, not one per person).
 */
export async function listItems(
  client: WorkfrontClient,
  pairs: readonly SuccessorPair[],
  categories: readonly ImpactCategoryKey[] = REASSIGNABLE,
): Promise<PlannedItem[]> {
  const byLeaver = new Map(pairs.map((pair) => [pair.leaver.id, pair]));
  const ids = [...byLeaver.keys()];
  const items: PlannedItem[] = [];
  for (const key of categories) {
    const def = CATEGORY_DEFS[key];
    if (def.reassign === null) continue;
    for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
      const values = ids.slice(i, i + IDS_PER_QUERY);
      for (let first = 0; ; first += PAGE) {
        const rows = await client.searchWork(def.objCode, {
          fields: [...def.fields, def.personField],
          filters: [...def.open, { field: def.personField, op: "in", values }],
          sort: [{ field: "ID", direction: "asc" }],
          first,
          limit: PAGE,
        });
        for (const row of rows) {
          const pair = byLeaver.get(String(row.values[def.personField]));
          const successor = pair?.byCategory?.[key] ?? pair?.successor;
          if (!pair || !successor) continue;
          const label = def.label ? row.values[def.label] : row.values.approvalStepID;
          items.push({
            leaverId: pair.leaver.id,
            leaverName: pair.leaver.name,
            successorId: successor.id,
            successorName: successor.name,
            category: key,
            objCode: def.objCode,
            objectId: row.id,
            objectName: typeof label === "string" ? label : null,
            field: def.personField,
          });
        }
        if (rows.length < PAGE) break;
      }
    }
  }
  return items;
}
