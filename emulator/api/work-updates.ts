import { WfError, unknownField } from "../core/errors";
import type { ObjectDef } from "../model/schema";
import type { Row, WorkObjCode } from "../model/types";
import type { CallContext } from "./context";
import { findOrThrow } from "./read-handlers";

const ID_PATTERN = /^[0-9a-f]{32}$/;

/** Person fields an option makes read-only, because nothing documents whether they can be edited. */
function readOnlyByOption(ctx: CallContext, def: ObjectDef, key: string): boolean {
  const { config } = ctx.env;
  return (
    (config.readOnlyApprovers && def.objCode === "AWAPVL" && key === "approverID") ||
    (config.readOnlyCheckouts && def.objCode === "DOCU" && key === "checkedOutByID")
  );
}

/**
 * One edit of a work object: only its person fields (owner, sponsor, approver, assignee, run-as
 * user, checked out by) may change, and only to an existing user. A deactivated user "can no
 * longer be assigned work" (deactivate-a-user.md), but how the API answers is undocumented: the
 * `refuseInactiveAssignee` option refuses it with 400 ValidationException; off, it is accepted. Changing an assignment's person on the ASSGN object keeps
 * its task or issue as it was, except that the primary assignment's person is the task's or
 * issue's `assignedToID` (assignedToID alone is only the primary assignee, workfront-api.md §12).
 * Administrators only: the emulator's integration user is one, and nothing finer is modelled.
 */
export function applyWorkUpdate(ctx: CallContext, def: ObjectDef, id: string, updates: unknown): Row {
  const caller = ctx.user();
  const level = ctx.env.store.find("ACSLVL", caller.accessLevelID);
  if (level?.isAdmin !== true) {
    throw new WfError("forbidden", `You do not have sufficient access to edit this ${def.label}`);
  }
  const row = findOrThrow(ctx, def, id);
  if (typeof updates !== "object" || updates === null || Array.isArray(updates)) {
    throw new WfError("invalidParameter", `updates must be a JSON object for a single ${def.name}`);
  }
  const patch: Row = {};
  for (const [key, value] of Object.entries(updates as Record<string, unknown>)) {
    if (key === "ID" || key === "objCode") continue;
    const field = def.fields.get(key);
    if (!field) throw unknownField(ctx.apiVersion, key, def.name);
    if (!field.writable || !field.userRef || readOnlyByOption(ctx, def, key)) {
      throw new WfError("validation", `The field ${key} of ${def.name} cannot be edited`);
    }
    if (typeof value !== "string" || !ID_PATTERN.test(value)) {
      throw new WfError("invalidParameter", `Invalid ID "${String(value)}" for ${key}`);
    }
    const user = ctx.env.store.user(value);
    if (!user) throw new WfError("notFound", `Could not find User with ID ${value}`);
    if (!user.isActive && ctx.env.config.refuseInactiveAssignee) {
      throw new WfError("validation", `${user.name} is deactivated and cannot be given work (${key})`);
    }
    patch[key] = value;
  }
  const changed = Object.keys(patch).filter((key) => row[key] !== patch[key]);
  if (changed.length === 0) return row;
  const code = def.objCode as WorkObjCode;
  const stamp = { lastUpdateDate: Date.now(), lastUpdatedByID: caller.ID };
  const withStamp = def.fields.has("lastUpdateDate") ? { ...patch, ...stamp } : patch;
  const updated = ctx.env.store.updateRow(code, id, withStamp);
  if (code === "ASSGN" && updated.isPrimary === true && patch.assignedToID !== undefined) {
    const parent: [WorkObjCode, unknown] = updated.taskID
      ? ["TASK", updated.taskID]
      : ["OPTASK", updated.opTaskID];
    if (typeof parent[1] === "string" && ctx.env.store.find(parent[0], parent[1])) {
      ctx.env.store.updateRow(parent[0], parent[1], { assignedToID: patch.assignedToID, ...stamp });
    }
  }
  return updated;
}
