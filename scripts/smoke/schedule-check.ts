import type { WorkfrontUser } from "../../lib/workfront/user";
import type { SmokeContext } from "./context";
import { type SmokeRow, describeError, row } from "./rows";

/**
 * Whether the tenant takes a write of `scheduleDeactivationDate` through the API (Adobe documents the
 * field, and the UI's "Set deactivation date", but no API write). The date is five years ahead, and
 * cleared again at once; a user who already has one is left alone.
 */
const CHECK = "scheduleDeactivationDate write";

export function scheduleDate(now = new Date()): string {
  return `${now.getUTCFullYear() + 5}-01-01`;
}

export async function scheduleRow(context: SmokeContext, user: WorkfrontUser): Promise<SmokeRow> {
  if (user.scheduledDeactivationAt) {
    return row(
      CHECK,
      "SKIP",
      `${user.name} is already scheduled for deactivation (${user.scheduledDeactivationAt}): not touched.`,
      "—",
    );
  }
  const date = scheduleDate();
  const app = "Nothing yet: the app does not schedule deactivations.";
  try {
    await context.client.updateUser(user.id, { scheduleDeactivationDate: date });
  } catch (error) {
    return row(CHECK, "INFO", `Refused: setting it to ${date} answered ${describeError(error)}.`, app);
  }
  let set: string | null = null;
  try {
    set = (await context.client.getUser(user.id)).scheduledDeactivationAt;
  } catch {
    // Whether it stuck is not known; clearing it below is what matters.
  }
  try {
    await context.client.updateUser(user.id, { scheduleDeactivationDate: null });
    const cleared = (await context.client.getUser(user.id)).scheduledDeactivationAt;
    if (cleared) throw new Error(`it still reads ${cleared}`);
  } catch (error) {
    return row(
      CHECK,
      "FAIL",
      `Set to ${date}, but clearing it failed: ${describeError(error)}.`,
      `${user.name} (${user.id}) is scheduled for deactivation: clear "Deactivation Date" on their profile in Workfront.`,
    );
  }
  return set
    ? row(
        CHECK,
        "INFO",
        `Accepted: set to ${date} (read back as ${set}), then cleared (read back as none).`,
        app,
      )
    : row(
        CHECK,
        "INFO",
        `Answered without error for ${date}, but read back as none; clearing it worked.`,
        app,
      );
}
