import "server-only";
import type { WorkfrontClient } from "@/lib/workfront";

const PAGE = 2000;
const IDS_PER_QUERY = 1000;

/**
 * How many approvers each approval stage has, for the stages given: one search of SPAPVR by
 * `approvalStepID` (paged, in-lists of 1,000 in a POST body). A stage with one approver row is a
 * sole approver's (team and role approvers are rows too, so they count as other approvers).
 */
export async function approversPerStage(
  client: WorkfrontClient,
  stepIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const unique = [...new Set(stepIds)];
  for (let i = 0; i < unique.length; i += IDS_PER_QUERY) {
    const values = unique.slice(i, i + IDS_PER_QUERY);
    for (let first = 0; ; first += PAGE) {
      const rows = await client.searchWork("SPAPVR", {
        fields: ["approvalStepID"],
        filters: [{ field: "approvalStepID", op: "in", values }],
        sort: [{ field: "ID", direction: "asc" }],
        first,
        limit: PAGE,
      });
      for (const row of rows) {
        const step = row.values.approvalStepID;
        if (typeof step === "string") counts.set(step, (counts.get(step) ?? 0) + 1);
      }
      if (rows.length < PAGE) break;
    }
  }
  return counts;
}

/** The stages each person approves, read in pages over an in-list of the people. */
export async function stagesOf(
  client: WorkfrontClient,
  userIds: readonly string[],
): Promise<Map<string, string[]>> {
  const stages = new Map<string, string[]>(userIds.map((id) => [id, []]));
  const unique = [...new Set(userIds)];
  for (let i = 0; i < unique.length; i += IDS_PER_QUERY) {
    const values = unique.slice(i, i + IDS_PER_QUERY);
    for (let first = 0; ; first += PAGE) {
      const rows = await client.searchWork("SPAPVR", {
        fields: ["approvalStepID", "userID"],
        filters: [{ field: "userID", op: "in", values }],
        sort: [{ field: "ID", direction: "asc" }],
        first,
        limit: PAGE,
      });
      for (const row of rows) {
        const { userID, approvalStepID } = row.values;
        if (typeof userID === "string" && typeof approvalStepID === "string")
          stages.get(userID)?.push(approvalStepID);
      }
      if (rows.length < PAGE) break;
    }
  }
  return stages;
}
