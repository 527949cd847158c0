import { WfError, unknownField } from "../core/errors";
import { parseWfDate } from "../core/wf-date";
import { USER_DEF, type FieldDef } from "../model/schema";
import type { ObjCode, UserRecord } from "../model/types";
import { requireUserAdmin } from "./auth";
import type { CallContext } from "./context";
import { findOrThrow } from "./read-handlers";

type UserPatch = Partial<UserRecord>;

const ID_PATTERN = /^[0-9a-f]{32}$/;
const REFERENCE_TARGETS: Record<string, ObjCode> = {
  accessLevelID: "ACSLVL",
  homeGroupID: "GROUP",
  companyID: "CMPY",
  managerID: "USER",
};

/**
 * Validates and applies one USER edit, with Workfront's rules: only administrators edit users;
 * the Customer's main admin can be neither deactivated nor moved to another access level
 * (configure-basic-info.md). Deactivation stamps actualDeactivationDate ("the date and time that a
 * user was deactivated", new-api-version-12.md) and any real change bumps lastUpdateDate.
 * Undocumented, so only behind options: refusing self-deactivation, and clearing
 * actualDeactivationDate on reactivation (by default it is left as it was).
 */
export function applyUserUpdate(ctx: CallContext, id: string, updates: unknown): UserRecord {
  const caller = ctx.user();
  requireUserAdmin(ctx.env, caller);
  const user = findOrThrow(ctx, USER_DEF, id) as UserRecord;
  if (typeof updates !== "object" || updates === null || Array.isArray(updates)) {
    throw new WfError("invalidParameter", "updates must be a JSON object for a single User");
  }
  const patch = coerce(ctx, user, updates as Record<string, unknown>);
  const env = ctx.env;
  const mainAdmin = user.ID === env.store.data.adminUserID;

  if (patch.isActive === false && mainAdmin) {
    throw new WfError(
      "validation",
      "The Customer's main administrator (the Admin Email user) cannot be deactivated",
    );
  }
  if (mainAdmin && patch.accessLevelID !== undefined && patch.accessLevelID !== user.accessLevelID) {
    throw new WfError(
      "validation",
      "The access level of the Customer's main administrator cannot be changed",
    );
  }
  if (patch.isActive === false && user.ID === caller.ID && env.config.refuseSelfDeactivation) {
    throw new WfError("validation", "You cannot deactivate the user whose credential is making this request");
  }
  derive(ctx, user, patch);

  const changed: UserPatch = {};
  for (const [key, value] of Object.entries(patch) as [keyof UserRecord, UserRecord[keyof UserRecord]][]) {
    if (user[key] !== value) (changed as Record<string, unknown>)[key] = value;
  }
  if (Object.keys(changed).length === 0) return user;
  const now = Date.now();
  if (changed.isActive === false) changed.actualDeactivationDate = now;
  if (changed.isActive === true && env.config.clearDeactivationDateOnReactivation)
    changed.actualDeactivationDate = null;
  changed.lastUpdateDate = Math.max(now, user.lastUpdateDate + 1);
  changed.lastUpdatedByID = caller.ID;
  return env.store.updateUser(user.ID, changed);
}

/** Follow-on changes: name from first/last, licence from access level, username from email. */
function derive(ctx: CallContext, user: UserRecord, patch: UserPatch): void {
  const store = ctx.env.store;
  if (patch.firstName !== undefined || patch.lastName !== undefined) {
    patch.name = `${patch.firstName ?? user.firstName} ${patch.lastName ?? user.lastName}`;
  }
  if (patch.accessLevelID !== undefined) {
    const level = store.find("ACSLVL", patch.accessLevelID);
    if (typeof level?.licenseType === "string") patch.licenseType = level.licenseType;
  }
  // Changing emailAddr also changes username when they matched and username is not in the update
  // (update-email-addr-and-username.md).
  if (patch.emailAddr !== undefined && patch.username === undefined && user.username === user.emailAddr) {
    patch.username = patch.emailAddr;
  }
  if (patch.username !== undefined && patch.username !== user.username) {
    const holder = store.userByUsername(patch.username);
    if (holder && holder.ID !== user.ID)
      throw new WfError("validation", `The username ${patch.username} is already in use`);
  }
  if (patch.emailAddr !== undefined && patch.emailAddr !== user.emailAddr) {
    const taken = store.data.users.some(
      (other) => other.emailAddr === patch.emailAddr && other.ID !== user.ID,
    );
    if (taken) throw new WfError("validation", `The email address ${patch.emailAddr} is already in use`);
  }
}

function coerce(ctx: CallContext, user: UserRecord, updates: Record<string, unknown>): UserPatch {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(updates)) {
    if (key === "ID") {
      if (value !== user.ID)
        throw new WfError("invalidParameter", `ID ${String(value)} in updates does not match ${user.ID}`);
      continue;
    }
    if (key === "objCode" && value === "USER") continue;
    const field = USER_DEF.fields.get(key);
    if (!field) throw unknownField(ctx.apiVersion, key, USER_DEF.name);
    if (!field.writable) throw new WfError("validation", `The field ${key} of User cannot be edited`);
    patch[key] = coerceValue(ctx, user, field, value);
  }
  return patch as UserPatch;
}

function coerceValue(ctx: CallContext, user: UserRecord, field: FieldDef, value: unknown): unknown {
  const bad = (): WfError =>
    new WfError("invalidParameter", `Invalid value ${JSON.stringify(value)} for field ${field.name} of User`);
  if (value === null || (value === "" && field.kind !== "string")) {
    if (field.nullable) return null;
    throw bad();
  }
  if (field.kind === "int" || field.kind === "double") {
    const number = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : NaN;
    if (!Number.isFinite(number) || (field.kind === "int" && !Number.isInteger(number))) throw bad();
    // Writes check enum values (a 3P observation: "Invalid custom enum value(s)"); searches do not.
    if (field.enumSpec && !field.enumSpec.values.some((option) => option.value === number)) throw bad();
    return number;
  }
  if (field.kind === "boolean") {
    if (typeof value === "boolean") return value;
    // Adobe's own example sends {"isActive":"false"}: strings are accepted and coerced.
    const lower = typeof value === "string" ? value.trim().toLowerCase() : "";
    if (lower === "true" || lower === "false") return lower === "true";
    throw bad();
  }
  if (field.kind === "dateTime") {
    const ms = typeof value === "number" ? value : typeof value === "string" ? parseWfDate(value) : null;
    if (ms === null || !Number.isFinite(ms)) throw bad();
    return ms;
  }
  if (typeof value !== "string") throw bad();
  const target = REFERENCE_TARGETS[field.name];
  if (target) {
    if (value === "" && field.nullable) return null;
    if (!ID_PATTERN.test(value) || !ctx.env.store.find(target, value)) {
      throw new WfError("invalidParameter", `Invalid ${field.name}: no ${target} with ID "${value}"`);
    }
    if (field.name === "managerID" && value === user.ID)
      throw new WfError("validation", "A user cannot report to themselves");
  }
  if (value === "" && !field.nullable) throw bad();
  return value;
}
