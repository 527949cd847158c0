import "server-only";
import type { WorkfrontClient } from "@/lib/workfront";
import { CATEGORY_DEFS } from "./categories";
import { isAnswerRefusal } from "./check-person";
import { approversPerStage, stagesOf } from "./sole-approvers";
import { IMPACT_CATEGORIES, type ImpactCategoryKey, type ImpactCounts } from "./types";

// The in-list goes in a POST body (docs/workfront-fidelity.md 51), so a report can take many
// people; Workfront documents no cap for a body, so this stays moderate.
const PEOPLE_PER_REPORT = 1000;

/**
 * Counts for many people at once (a bulk dry run, an import preview): one `/report` per category
 * per 1,000 people, grouped by the person, plus two searches for sole approvers — never one
 * request per person per category. 1,000 people cost 14 reports and 2 searches. The searches start
 * with the reports rather than after them: they were the check's last 0.4 s (two requests one after
 * the other, after the slowest report), and the check is on the path of every batch of schedules.
 */
export async function checkPeople(
  client: WorkfrontClient,
  userIds: readonly string[],
): Promise<Map<string, ImpactCounts>> {
  const ids = [...new Set(userIds)];
  const result = new Map<string, ImpactCounts>(
    ids.map((id) => [id, { counts: {}, total: 0, blocking: 0, blockingBy: {}, unavailable: [] }]),
  );
  if (ids.length === 0) return result;
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += PEOPLE_PER_REPORT) chunks.push(ids.slice(i, i + PEOPLE_PER_REPORT));
  const soleStages = soleApproverStages(client, ids);
  // Not awaited when the stages' report is refused; its failure is then no one's to report.
  soleStages.catch(() => {});

  await Promise.all(
    IMPACT_CATEGORIES.map(async (key) => {
      const def = CATEGORY_DEFS[key];
      try {
        for (const chunk of chunks) {
          const counts = await client.countWorkBy(def.objCode, {
            groupBy: def.groupBy,
            field: def.personField,
            ids: chunk,
            filters: def.open,
          });
          for (const [id, count] of counts) add(result.get(id), key, count, def.blocking === "all");
        }
      } catch (error) {
        if (!isAnswerRefusal(error)) throw error;
        for (const entry of result.values()) entry.unavailable.push(key);
      }
    }),
  );

  // Stages Workfront would not count are unknown for everyone: no sole-approver question to ask.
  if (result.values().next().value?.unavailable.includes("approvalStages")) return result;
  for (const [id, sole] of await soleStages) {
    const entry = result.get(id);
    if (!entry || sole === 0) continue;
    entry.blocking += sole;
    entry.blockingBy = { ...entry.blockingBy, approvalStages: sole };
  }
  return result;
}

function add(entry: ImpactCounts | undefined, key: ImpactCategoryKey, count: number, blocksAll: boolean): void {
  if (!entry) return;
  entry.counts[key] = count;
  entry.total += count;
  if (!blocksAll || count === 0) return;
  entry.blocking += count;
  if (key === "approvalsAwaiting") entry.blockingBy = { ...entry.blockingBy, approvalsAwaiting: count };
}

/** How many of the stages each person approves have them as the only approver. */
async function soleApproverStages(client: WorkfrontClient, ids: readonly string[]): Promise<Map<string, number>> {
  const stages = await stagesOf(client, ids);
  const perStage = await approversPerStage(client, [...stages.values()].flat());
  return new Map([...stages].map(([id, steps]) => [id, steps.filter((step) => perStage.get(step) === 1).length]));
}
