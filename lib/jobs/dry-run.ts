import "server-only";
import type { Role } from "@/lib/auth/roles";
import { refusalOf } from "@/lib/offboarding/change-status";
import type { OffboardingDeps } from "@/lib/offboarding/deps";
import { type TenantFacts, tenantFacts } from "@/lib/offboarding/tenant-facts";
import { isCredentialError, isWorkfrontError } from "@/lib/workfront";
import type { BulkRules } from "./config";
import type { DryRunDto, DryRunItemDto, DryRunOutcome, LicenseCountDto } from "./dto";
import { checkBulkRules } from "./rules";
import { checkPeople } from "@/lib/offboarding/impact/check-people";
import { blockingOf } from "@/lib/offboarding/impact/gate";
import type { JobKind } from "./vocabulary";
import { describeError, readUsers } from "./workfront-calls";
import { successorInJobRefusal, successorsInJob } from "@/lib/reassign/successors-in-job";

export interface DryRunInput {
  kind: JobKind;
  userIds: readonly string[];
  confirmCount?: number;
  role: Role;
  /** As the real run would be created: System Administrators included on purpose. */
  includeAdmins?: boolean;
}

function licenseCounts(items: readonly DryRunItemDto[]): LicenseCountDto[] {
  const counts = new Map<string | null, LicenseCountDto>();
  for (const item of items) {
    const entry = counts.get(item.licenseType) ?? {
      licenseType: item.licenseType,
      label: item.licenseTypeLabel ?? "No licence type",
      count: 0,
    };
    entry.count += 1;
    counts.set(item.licenseType, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/**
 * What a job would do, without changing anything: each person's current state, protections and
 * the System-Administrator rule for this role, the confirm rules, and for a deactivation each
 * person's open work and whether the run would be refused as successor_in_job. A credential Workfront
 * refuses fails the whole dry run (503 workfront_auth); other read errors are per person.
 */
export async function dryRun(deps: OffboardingDeps, input: DryRunInput, rules: BulkRules): Promise<DryRunDto> {
  const [reads, facts] = await Promise.all([
    readUsers(deps.client, input.userIds),
    input.kind === "deactivate" ? tenantFacts(deps.client) : Promise.resolve<TenantFacts | null>(null),
  ]);
  const want = input.kind === "reactivate";
  const items = input.userIds.map((userId): DryRunItemDto => {
    const read = reads.get(userId) ?? { ok: false, error: undefined };
    if (!read.ok) {
      if (isCredentialError(read.error)) throw read.error;
      const notFound = isWorkfrontError(read.error) && read.error.code === "not_found";
      const error = describeError(read.error);
      return {
        userId,
        name: null,
        email: null,
        isActive: null,
        licenseType: null,
        licenseTypeLabel: null,
        isAdmin: false,
        outcome: notFound ? "not_found" : "error",
        code: notFound ? null : error.code,
        reason: notFound ? "Workfront has no user with this ID." : error.message,
      };
    }
    const user = read.user;
    const refusal = facts ? refusalOf(deps, user, { action: input.kind, actor: { role: input.role }, bulk: { includeAdmins: input.includeAdmins ?? false } }, facts) : null;
    const outcome: DryRunOutcome = refusal ? "protected" : user.isActive === want ? "already" : "would_change";
    return {
      userId,
      name: user.name,
      email: user.email,
      isActive: user.isActive,
      licenseType: user.licenseType,
      licenseTypeLabel: user.licenseType ? (facts?.licenseLabels.get(user.licenseType) ?? user.licenseType) : null,
      isAdmin: user.accessLevel?.isAdmin === true,
      outcome,
      code: refusal?.refusal ?? null,
      reason: refusal?.message ?? null,
    };
  });
  // The real run's checks after the rules, read here too: the open-work gate, and successor_in_job over the same people.
  const [openWork, successors] =
    input.kind === "deactivate" ? await Promise.all([withOpenWork(deps, items), successorsInJob(deps, input.userIds)]) : [undefined, []];
  const counts: Record<DryRunOutcome, number> = { would_change: 0, already: 0, protected: 0, not_found: 0, error: 0 };
  for (const item of items) counts[item.outcome] += 1;
  const check = checkBulkRules(input.userIds.length, input.role, input.confirmCount, rules);
  return {
    dryRun: true,
    kind: input.kind,
    people: input.userIds.length,
    counts,
    licensesFreed: input.kind === "deactivate" ? licenseCounts(items.filter((i) => i.outcome === "would_change")) : [],
    rules: {
      people: check.people,
      confirmRequired: check.confirmRequired,
      overHardCap: check.overHardCap,
      roleAllowed: check.roleAllowed,
      confirmThreshold: check.confirmThreshold,
      hardCap: check.hardCap,
      // The dry run itself needs no confirmation; it reports what the real run would ask for.
      problem: check.problem && check.problem.code !== "confirm_count_required" ? { code: check.problem.code, message: check.problem.message } : null,
    },
    items,
    ...(openWork ? { openWork } : {}),
    ...(successors.length > 0 ? { successorInJob: { message: successorInJobRefusal(successors).message, pairs: successors } } : {}),
  };
}

/**
 * The gate's view of a deactivation (issue 16): the open work of everyone who would change, with
 * the batched check (one report per category per 1,000 people), set on their items.
 */
async function withOpenWork(deps: OffboardingDeps, items: DryRunItemDto[]): Promise<{ people: number; blocked: number }> {
  const changing = items.filter((item) => item.outcome === "would_change");
  const counts = await checkPeople(deps.client, changing.map((item) => item.userId));
  let people = 0;
  let blocked = 0;
  for (const item of changing) {
    const entry = counts.get(item.userId);
    if (!entry) continue;
    const blocking = blockingOf(entry);
    item.openWork = { counts: entry.counts, total: entry.total, blocking, unavailable: entry.unavailable };
    if (entry.total > 0 || blocking.length > 0) people += 1;
    if (blocking.length > 0) blocked += 1;
  }
  return { people, blocked };
}
