import { type Role, hasRole } from "@/lib/auth/roles";
import type { BulkRules } from "./config";

/** The most people one job may hold, whoever asks (the import's line limit). */
export const MAX_JOB_PEOPLE = 10_000;

export type RuleProblemCode = "confirm_count_required" | "confirm_count_mismatch" | "over_hard_cap";

export interface RuleCheck {
  people: number;
  /** The operator must type the number of people to confirm. */
  confirmRequired: boolean;
  /** More people than the hard cap: only the admin role may run it. */
  overHardCap: boolean;
  /** Whether this role may run it at all (the hard cap). */
  roleAllowed: boolean;
  confirmThreshold: number;
  hardCap: number;
  /** What stops the run, if anything; a dry run reports it instead of refusing. */
  problem: { status: 400 | 403; code: RuleProblemCode; message: string } | null;
}

/**
 * The confirm dialog's server rules: above the threshold the request must carry `confirmCount`
 * equal to the number of people, and above the hard cap only the admin role may run it.
 */
export function checkBulkRules(
  people: number,
  role: Role,
  confirmCount: number | undefined,
  rules: BulkRules,
): RuleCheck {
  const confirmRequired = people > rules.confirmThreshold;
  const overHardCap = people > rules.hardCap;
  const roleAllowed = !overHardCap || hasRole(role, "admin");
  let problem: RuleCheck["problem"] = null;
  if (!roleAllowed) {
    problem = {
      status: 403,
      code: "over_hard_cap",
      message: `More than ${rules.hardCap} people at once: only the admin role may run this. Split the list, or ask an admin.`,
    };
  } else if (confirmRequired && confirmCount === undefined) {
    problem = {
      status: 400,
      code: "confirm_count_required",
      message: `More than ${rules.confirmThreshold} people: type the number of people (${people}) to confirm.`,
    };
  } else if (confirmRequired && confirmCount !== people) {
    problem = {
      status: 400,
      code: "confirm_count_mismatch",
      message: `The number typed (${confirmCount}) is not the number of people (${people}).`,
    };
  }
  return {
    people,
    confirmRequired,
    overHardCap,
    roleAllowed,
    confirmThreshold: rules.confirmThreshold,
    hardCap: rules.hardCap,
    problem,
  };
}
