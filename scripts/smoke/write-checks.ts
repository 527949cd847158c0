import { isWorkfrontId } from "../../lib/workfront/ids";
import type { WorkfrontUser } from "../../lib/workfront/user";
import type { SmokeContext } from "./context";
import { type SmokeRow, describeError, row } from "./rows";
import { scheduleRow } from "./schedule-check";
import { type Cycle, StepError, type WritePath, cycle, pathNames } from "./write-paths";

/**
 * `--write --user <ID>`: the test user is deactivated and reactivated once through each write path
 * the app has, and put back as it was (active, same access level) whatever fails on the way. The
 * credential's own user and the customer's main admin are never touched, nor is anyone already
 * deactivated (putting them back would need an access level we cannot know).
 */
const TEST_USER = "write: test user";

function refusal(detail: string): SmokeRow[] {
  return [
    row(
      TEST_USER,
      "FAIL",
      detail,
      "No write was made: pick a test user who is active, not the credential's own user and not the main admin.",
    ),
  ];
}

async function testUser(context: SmokeContext, id: string): Promise<WorkfrontUser | SmokeRow[]> {
  if (!isWorkfrontId(id))
    return refusal(
      `--user ${JSON.stringify(id)} is not a Workfront ID (32 lowercase hexadecimal characters).`,
    );
  if (!context.self || context.mainAdminId === undefined) {
    return refusal(
      "Whose credential this is or who the main admin is could not be read (see above), so the test user cannot be shown to be neither.",
    );
  }
  if (id === context.self.id)
    return refusal("The test user is the credential's own user: deactivating it would cut the app off.");
  if (id === context.mainAdminId)
    return refusal(
      "The test user is the customer's main admin, whom Workfront never lets anyone deactivate.",
    );
  try {
    const user = await context.client.getUser(id);
    if (!user.isActive)
      return refusal(
        `${user.name} (${id}) is deactivated: reactivate them first, or pick an active test user.`,
      );
    return user;
  } catch (error) {
    return refusal(`The test user could not be read: ${describeError(error)}.`);
  }
}

function pathRow(path: WritePath, user: WorkfrontUser, result: Cycle | StepError): SmokeRow {
  const check = pathNames[path];
  const how = {
    single: "PUT user/<ID> with a JSON body",
    bulk: "PUT user with a JSON array (then atomic=true to reactivate)",
    batch: "POST /batch with one edit",
  }[path];
  if (result instanceof StepError) {
    const app = {
      single: "Single deactivations and reactivations fail (recorded as failed in the audit log).",
      bulk: "Bulk jobs fall back to one PUT per person after reading everyone back: slower, still correct.",
      batch: "Do not turn /batch on for this tenant.",
    }[path];
    return row(check, "FAIL", `${how}: ${result.step} failed: ${describeError(result.reason)}.`, app);
  }
  const level = result.on.accessLevel?.name ?? result.on.accessLevel?.id ?? "none";
  const notes = result.notes.length ? ` Note: ${result.notes.join("; ")}.` : "";
  const app = {
    single: "Deactivates and reactivates one person this way.",
    bulk: "Runs bulk jobs this way, 100 people per request.",
    batch: "May use /batch where it is turned on.",
  }[path];
  return row(
    check,
    "PASS",
    `${how}: ${user.name} deactivated and reactivated, each read back (access level ${level}).${notes}`,
    app,
  );
}

/** What the tenant did to actualDeactivationDate, which Adobe documents only as "when deactivated". */
function deactivationDateRow(result: Cycle): SmokeRow {
  const off = result.off.deactivatedAt;
  const on = result.on.deactivatedAt;
  const onDeactivation = off ? `set on deactivation (${off})` : "not set on deactivation";
  const onReactivation = !on
    ? "cleared on reactivation"
    : on === off
      ? "kept on reactivation"
      : `changed on reactivation (${on})`;
  return row(
    "actualDeactivationDate",
    "INFO",
    `${onDeactivation}; ${onReactivation}.`,
    off
      ? "Shows it as the deactivation date."
      : "Shows the audit log's date for people it deactivated, none for others.",
  );
}

/** Puts the test user back (active, its access level) if anything left it otherwise. */
async function restore(context: SmokeContext, user: WorkfrontUser): Promise<SmokeRow> {
  const check = "write: test user restored";
  const level = user.accessLevel?.id ?? null;
  const manual = `Reactivate ${user.name} (${user.id}) in Workfront${level ? ` with access level ${user.accessLevel?.name ?? level} (${level})` : ""}.`;
  try {
    let now = await context.client.getUser(user.id);
    const off = !now.isActive || (level !== null && now.accessLevel?.id !== level);
    if (off) {
      await context.client.updateUser(user.id, {
        isActive: true,
        ...(level ? { accessLevelID: level } : {}),
      });
      now = await context.client.getUser(user.id);
    }
    if (now.isActive && (level === null || now.accessLevel?.id === level)) {
      return row(
        check,
        "PASS",
        `${user.name} is active with the access level they had${off ? " (restored after a failed step)" : ""}.`,
        "—",
      );
    }
    return row(
      check,
      "FAIL",
      `${user.name} is ${now.isActive ? "active" : "deactivated"} with access level ${now.accessLevel?.id ?? "none"}.`,
      manual,
    );
  } catch (error) {
    return row(check, "FAIL", `Could not check or restore the test user: ${describeError(error)}.`, manual);
  }
}

export async function writeRows(context: SmokeContext, userId: string): Promise<SmokeRow[]> {
  const found = await testUser(context, userId);
  if (Array.isArray(found)) return found;
  const user = found;
  const rows: SmokeRow[] = [
    row(
      TEST_USER,
      "PASS",
      `${user.name} (${user.id}): active, not the credential's user, not the main admin.`,
      "—",
    ),
  ];
  const paths: WritePath[] = context.options.batch ? ["single", "bulk", "batch"] : ["single", "bulk"];
  try {
    for (const path of paths) {
      let result: Cycle | StepError;
      try {
        result = await cycle(context, path, user.id, user.accessLevel?.id ?? null);
      } catch (error) {
        result = error instanceof StepError ? error : new StepError("an unexpected step", error);
      }
      rows.push(pathRow(path, user, result));
      if (path === "single" && !(result instanceof StepError)) rows.push(deactivationDateRow(result));
      // Each path starts from the user as they were, whatever the one before left behind.
      if (result instanceof StepError) await restore(context, user);
    }
    rows.push(await scheduleRow(context, user));
  } catch (error) {
    rows.push(row("write", "FAIL", `Stopped: ${describeError(error)}.`, "—"));
  } finally {
    rows.push(await restore(context, user));
  }
  return rows;
}
