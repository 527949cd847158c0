import type { UserUpdates, WorkfrontUser } from "../../lib/workfront/user";
import type { SmokeContext } from "./context";

/**
 * One deactivate + reactivate of the test user through one of the app's write paths, each change
 * read back by ID (not by the read by IDs, so that a fault there is not taken for the write's).
 * Throws a `StepError` naming the step that went wrong.
 */
export interface Cycle {
  /** What Workfront answered and read back after the deactivation and after the reactivation. */
  off: WorkfrontUser;
  on: WorkfrontUser;
  notes: string[];
}

export class StepError extends Error {
  constructor(
    readonly step: string,
    readonly reason: unknown,
  ) {
    super(step);
  }
}

async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new StepError(name, error);
  }
}

export type WritePath = "single" | "bulk" | "batch";

export const pathNames: Record<WritePath, string> = {
  single: "write: single PUT",
  bulk: "write: bulk edit",
  batch: "write: /batch",
};

async function readBack(
  context: SmokeContext,
  id: string,
  want: boolean,
  when: string,
): Promise<WorkfrontUser> {
  const user = await step(`read back after ${when}`, () => context.client.getUser(id));
  if (user.isActive !== want) {
    throw new StepError(`read back after ${when}`, new Error(`Workfront reports isActive: ${user.isActive}`));
  }
  return user;
}

/** Sends `updates` through the path; returns what the answer said of isActive, if it said. */
async function send(
  context: SmokeContext,
  path: WritePath,
  id: string,
  updates: UserUpdates,
  atomic: boolean,
) {
  const client = context.client;
  if (path === "single") return (await client.updateUser(id, updates)).isActive;
  if (path === "bulk") {
    const answered = await client.updateUsers([{ id, updates }], { atomic });
    return answered.get(id)?.isActive;
  }
  const [answer] = await client.batch([{ kind: "updateUser", id, updates }]);
  if (!answer?.ok) throw answer?.error ?? new Error("no answer for the edit inside /batch");
  return answer.user.isActive;
}

/**
 * The bulk path deactivates with a plain bulk edit (the answer lists the users) and reactivates
 * with `atomic=true` (the answer is only a success flag), so both forms the app sends are tried.
 */
export async function cycle(
  context: SmokeContext,
  path: WritePath,
  id: string,
  accessLevelId: string | null,
): Promise<Cycle> {
  const notes: string[] = [];
  const answeredOff = await step("deactivate", () => send(context, path, id, { isActive: false }, false));
  if (answeredOff === true)
    throw new StepError("deactivate", new Error("the answer still says isActive: true"));
  if (answeredOff === undefined)
    notes.push("the bulk edit's answer did not list the user (the app reads back, as here)");
  const off = await readBack(context, id, false, "deactivating");

  const back: UserUpdates = { isActive: true, ...(accessLevelId ? { accessLevelID: accessLevelId } : {}) };
  const answeredOn = await step("reactivate", () => send(context, path, id, back, path === "bulk"));
  if (answeredOn === false)
    throw new StepError("reactivate", new Error("the answer still says isActive: false"));
  const on = await readBack(context, id, true, "reactivating");
  if (accessLevelId && on.accessLevel?.id !== accessLevelId) {
    throw new StepError(
      "reactivate",
      new Error(`the access level came back as ${on.accessLevel?.id ?? "none"}, not ${accessLevelId}`),
    );
  }
  return { off, on, notes };
}
