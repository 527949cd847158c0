import "server-only";
import { type WorkItem, type WorkfrontClient, isCredentialError, isWorkfrontError } from "@/lib/workfront";
import { CATEGORY_DEFS, type CategoryDef } from "./categories";
import { approversPerStage } from "./sole-approvers";
import {
  IMPACT_CATEGORIES,
  type ImpactCategory,
  type ImpactCategoryKey,
  type ImpactItem,
  type PersonImpact,
} from "./types";

/** Items listed per category; the count says how many there are in all. */
export const ITEMS_PER_CATEGORY = 200;

/**
 * Everything one person still holds: one search per category (in parallel, within the client's
 * in-flight cap), a count only where the list is cut, and one search for the stages' approvers.
 * Read-only. A category Workfront refuses to answer (an unknown field on this tenant) is marked
 * unavailable rather than counted as zero; losing Workfront or the credential fails the whole check.
 */
export async function checkPerson(client: WorkfrontClient, userId: string): Promise<PersonImpact> {
  const categories = await Promise.all(IMPACT_CATEGORIES.map((key) => readCategory(client, userId, key)));
  const stages = categories.find((c) => c.key === "approvalStages");
  if (stages && !stages.unavailable && stages.items.length > 0) {
    const perStage = await approversPerStage(
      client,
      stages.items.map((item) => item.label ?? ""),
    );
    for (const item of stages.items) item.soleApprover = perStage.get(item.label ?? "") === 1;
    stages.blocking = stages.items.filter((item) => item.soleApprover).length;
  }
  return {
    userId,
    categories,
    total: categories.reduce((sum, c) => sum + c.count, 0),
    blocking: categories.reduce((sum, c) => sum + c.blocking, 0),
    checkedAt: new Date().toISOString(),
  };
}

async function readCategory(
  client: WorkfrontClient,
  userId: string,
  key: ImpactCategoryKey,
): Promise<ImpactCategory> {
  const def = CATEGORY_DEFS[key];
  const reassignable = def.reassign !== null;
  try {
    const rows = await client.searchWork(def.objCode, {
      fields: def.fields,
      filters: [...def.open, { field: def.personField, value: userId }],
      sort: [{ field: "ID", direction: "asc" }],
      limit: ITEMS_PER_CATEGORY,
    });
    let count = rows.length;
    if (rows.length === ITEMS_PER_CATEGORY) {
      const counts = await client.countWorkBy(def.objCode, {
        groupBy: def.groupBy,
        field: def.personField,
        ids: [userId],
        filters: def.open,
      });
      count = counts.get(userId) ?? count;
    }
    const items = rows.map((row) => toItem(def, row));
    return { key, count, items, blocking: def.blocking === "all" ? count : 0, reassignable };
  } catch (error) {
    if (!isAnswerRefusal(error)) throw error;
    return { key, count: 0, items: [], blocking: 0, reassignable, unavailable: true };
  }
}

function toItem(def: CategoryDef, row: WorkItem): ImpactItem {
  // Stages have no name: the label carries the stage's ID, which the sole-approver check reads.
  const label =
    def.objCode === "SPAPVR"
      ? String(row.values.approvalStepID ?? "")
      : def.label
        ? row.values[def.label]
        : null;
  const target = def.link ? row.values[def.link.idField] : null;
  return {
    id: row.id,
    label: typeof label === "string" ? label : null,
    link: def.link && typeof target === "string" ? { page: def.link.page, id: target } : null,
  };
}

/** Workfront answered, but refused this question (validation, unknown field, not found). */
export function isAnswerRefusal(error: unknown): boolean {
  if (!isWorkfrontError(error) || isCredentialError(error)) return false;
  return error.code === "validation" || error.code === "not_found" || error.code === "forbidden";
}
