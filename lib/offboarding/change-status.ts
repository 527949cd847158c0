import "server-only";
import { type RefusalInput, completeAttempt, latestDeactivations, recordAttempt, recordRefusal } from "@/lib/audit";
import { can } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { ApiError } from "@/lib/http/errors";
import { type WorkfrontUser, isWorkfrontError } from "@/lib/workfront";
import type { OffboardingDeps } from "./deps";
import { toUserDtos } from "./list-users";
import { logger } from "@/lib/logger";
import { noteUsers } from "@/lib/user-index";
import { personLockOptions, withPersonLock } from "./person-locks";
import { protectionOf } from "./protections";
import { tenantFacts } from "./tenant-facts";
import { OpenWorkBlocked, checkGate } from "./impact/gate";
import type { OpenWorkEvidence } from "./impact/types";
import { type RefusalCode, type UserDto, type UserProtection, isOverridable } from "./user-dto";

export type StatusAction = "deactivate" | "reactivate";

export interface StatusChangeInput {
  action: StatusAction;
  targetId: string;
  reason: string;
  ticket: string | null;
  /** The admin deactivates a protected account on purpose (only a protection admins may override). */
  overrideProtection?: boolean;
  /** An admin deactivates despite blocking open work (approvals awaiting them), with this reason. */
  overrideOpenWork?: { reason: string } | null;
  actor: SessionUser;
  requestId: string;
  clientIp: string | null;
  /** Set when a scheduled deactivation runs it (lib/schedule): its audit rows name the schedule. */
  scheduleId?: string;
}

/** The access fields saved at deactivation; also used per item by bulk jobs (lib/jobs). */
export function snapshotOf(user: WorkfrontUser) {
  return {
    accessLevelId: user.accessLevel?.id ?? null,
    accessLevelName: user.accessLevel?.name ?? null,
    licenseType: user.licenseType,
    homeGroupId: user.homeGroup?.id ?? null,
    homeGroupName: user.homeGroup?.name ?? null,
  };
}

/**
 * A reactivation's access fields: the person's home group now, with the access level saved at
 * deactivation and its licence (in Workfront the licence follows the access level), which is what is put back.
 */
export function restoredSnapshot(user: WorkfrontUser, saved: ReturnType<typeof snapshotOf> | null | undefined) {
  const now = snapshotOf(user);
  return saved?.accessLevelId
    ? { ...now, accessLevelId: saved.accessLevelId, accessLevelName: saved.accessLevelName, licenseType: saved.licenseType }
    : now;
}

/**
 * A refusal by the dashboard's own rules: to the API, 409 `protected_account` or 403
 * `admin_target` as before; to the job items and the audit log, the precise `refusal` code.
 */
export class Refusal extends ApiError {
  constructor(
    readonly refusal: RefusalCode,
    message: string,
  ) {
    super(refusal === "admin_target" ? 403 : 409, refusal === "admin_target" ? "admin_target" : "protected_account", message);
  }
}

/**
 * Refusals that hold whatever Workfront would say: checked, and audited, before any write. Bulk
 * jobs (lib/jobs) apply the same rules per item, with the role of the job's creator.
 */
export function refusalOf(
  deps: Pick<OffboardingDeps, "protectedUsers">,
  user: WorkfrontUser,
  input: RuleInput,
  facts: Awaited<ReturnType<typeof tenantFacts>>,
): Refusal | null {
  if (input.action !== "deactivate") return null;
  const protection = protectionOf(user, facts, deps.protectedUsers);
  if (protection && !overrides(protection, input)) return new Refusal(protection.code, protection.reason);
  if (user.accessLevel?.isAdmin && !can(input.actor.role, "deactivateAdmins")) {
    return new Refusal("admin_target", "Only the admin role may deactivate a System Administrator.");
  }
  // A bulk run never takes a System Administrator along unannounced: the admin ticks them in.
  if (user.accessLevel?.isAdmin && input.bulk && !input.bulk.includeAdmins) {
    return new Refusal("admin_not_included", ADMIN_NOT_INCLUDED);
  }
  return null;
}

export const ADMIN_NOT_INCLUDED = "A System Administrator: left out of bulk runs unless an admin includes System Administrators on purpose.";

type RuleInput = {
  action: StatusAction;
  actor: Pick<SessionUser, "role">;
  overrideProtection?: boolean;
  /** Set for bulk runs (jobs, their dry run, the import preview): whether System Administrators were included. */
  bulk?: { includeAdmins: boolean };
};

/** An admin asked to override a protection that admins may override. */
function overrides(protection: UserProtection, input: RuleInput): boolean {
  return input.overrideProtection === true && can(input.actor.role, "overrideProtection") && isOverridable(protection.code);
}

/**
 * Deactivates or reactivates one user: refuses protected accounts, writes the audit row before
 * the Workfront call and completes it after, and trusts only what Workfront answers about isActive.
 * A user already in the wanted state is recorded as "already", not as a failure. One action per
 * person at a time (person-locks.ts): a second one waits, then finds them already changed.
 */
export async function changeUserStatus(deps: OffboardingDeps, input: StatusChangeInput): Promise<UserDto> {
  return withPersonLock(deps.db, input.targetId, deps.personLock ?? personLockOptions(), () => changeHeld(deps, input));
}

async function changeHeld(deps: OffboardingDeps, input: StatusChangeInput): Promise<UserDto> {
  const { client, db } = deps;
  const [user, facts] = await Promise.all([client.getUser(input.targetId), tenantFacts(client)]);
  const wantActive = input.action === "reactivate";
  const entry = {
    action: input.action,
    actorAccountId: input.actor.id,
    actorEmail: input.actor.email,
    actorRole: input.actor.role,
    actorTokenId: input.actor.token?.id ?? null,
    targetId: user.id,
    targetName: user.name,
    targetEmail: user.email,
    reason: input.reason,
    ticket: input.ticket,
    requestId: input.requestId,
    clientIp: input.clientIp,
    scheduleId: input.scheduleId ?? null,
  };

  const refusal = refusalOf(deps, user, input, facts);
  if (refusal) {
    await recordRefusal(db, { ...entry, refusedCode: refusal.refusal, refusedReason: refusal.message, isActiveBefore: user.isActive });
    throw refusal;
  }

  const openWork = await gate(deps, user, input, entry);

  // Reactivation puts back the access level saved when the user was deactivated; its row records
  // what it gives back (that access level, the licence and home group), so the log shows it.
  const saved = wantActive ? (await latestDeactivations(db, [user.id])).get(user.id)?.snapshot : undefined;
  const snapshot = wantActive ? restoredSnapshot(user, saved) : snapshotOf(user);
  // Protected yet not refused: the admin overrode it (refusalOf lets nothing else through).
  const protection = input.action === "deactivate" ? protectionOf(user, facts, deps.protectedUsers) : null;
  const overridden = protection && isOverridable(protection.code) ? protection.code : null;
  const { id: auditId } = await recordAttempt(db, { ...entry, isActiveBefore: user.isActive, snapshot, overriddenProtection: overridden, openWork });
  if (user.isActive === wantActive) {
    await completeAttempt(db, auditId, { outcome: "already", isActiveAfter: user.isActive });
    return answer(deps, user);
  }

  let updated: WorkfrontUser;
  try {
    updated = await client.updateUser(user.id, {
      isActive: wantActive,
      ...(saved?.accessLevelId ? { accessLevelID: saved.accessLevelId } : {}),
    });
  } catch (error) {
    const settled = await settleLostAnswer(deps, user.id, wantActive, error);
    if (settled) {
      await completeAttempt(db, auditId, { outcome: "succeeded", isActiveAfter: settled.isActive });
      return answer(deps, settled);
    }
    if (settled === undefined) throw error; // Unknown: the row stays pending for the reconciler.
    const code = isWorkfrontError(error) ? error.code : "internal";
    const message = error instanceof Error ? error.message : String(error);
    await completeAttempt(db, auditId, { outcome: "failed", errorCode: code, errorMessage: message });
    throw error;
  }
  if (updated.isActive !== wantActive) {
    const message = `Workfront accepted the change but still reports isActive: ${updated.isActive}.`;
    await completeAttempt(db, auditId, { outcome: "failed", errorCode: "not_applied", errorMessage: message, isActiveAfter: updated.isActive });
    throw new ApiError(502, "workfront_not_applied", message);
  }
  await completeAttempt(db, auditId, { outcome: "succeeded", isActiveAfter: updated.isActive });
  return answer(deps, updated);
}

/**
 * The open-work gate of one deactivation (issue 16): the impact check read now, kept as the
 * deactivation's evidence; blocking work refuses it (audited, 409 `open_work_blocking`) unless an
 * admin overrode it with a reason. Someone already deactivated is not checked: nothing changes.
 */
async function gate(
  deps: OffboardingDeps,
  user: WorkfrontUser,
  input: StatusChangeInput,
  entry: Omit<RefusalInput, "refusedCode" | "refusedReason">,
): Promise<OpenWorkEvidence | null> {
  if (input.action !== "deactivate" || !user.isActive) return null;
  const override = input.overrideOpenWork && can(input.actor.role, "overrideOpenWork") ? input.overrideOpenWork : null;
  const result = await checkGate(deps.client, [{ id: user.id, name: user.name }], override);
  const evidence = result.evidence.get(user.id) ?? null;
  if (result.blocked.length > 0 && !override) {
    const refusal = new OpenWorkBlocked(result.blocked);
    await recordRefusal(deps.db, {
      ...entry,
      refusedCode: "open_work_blocking",
      refusedReason: refusal.message,
      isActiveBefore: user.isActive,
      openWork: evidence,
    });
    throw refusal;
  }
  return evidence;
}

/** The person as Workfront now has them: into the users index, and back to the caller. */
async function answer(deps: OffboardingDeps, user: WorkfrontUser): Promise<UserDto> {
  await noteUsers(deps.db, deps.client, [user]).catch((error: unknown) => logger.warn({ err: error }, "noting a user in the index failed"));
  return (await toUserDtos(deps, [user]))[0]!;
}

/**
 * A write that failed in a way that may have happened anyway (a timeout, a reset, a 5xx after
 * Workfront applied it) is checked by reading the person again: the user when the change landed,
 * null when it did not (a failure), undefined when Workfront cannot tell us now. A refusal
 * (validation, forbidden, not found, a refused credential) changed nothing: null at once.
 */
async function settleLostAnswer(deps: OffboardingDeps, id: string, wantActive: boolean, error: unknown): Promise<WorkfrontUser | null | undefined> {
  if (!isWorkfrontError(error) || !error.retryable) return null;
  try {
    const now = await deps.client.getUser(id);
    return now.isActive === wantActive ? now : null;
  } catch {
    return undefined;
  }
}
