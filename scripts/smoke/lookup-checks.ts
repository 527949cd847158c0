import { z } from "zod";
import type { WorkfrontUser } from "../../lib/workfront/user";
import type { SmokeContext } from "./context";
import { type SmokeRow, describeError, row } from "./rows";

/** Reading people by ID (one, several, in jobs' bulk form), the main admin, and `/batch`. */

/** An ID no tenant holds: a read by IDs must simply leave it out. */
const NOBODY = "0".repeat(32);

export async function getByIdRow(context: SmokeContext, sample: WorkfrontUser): Promise<SmokeRow> {
  const check = "get by ID";
  try {
    const user = await context.client.getUser(sample.id);
    return user.id === sample.id
      ? row(
          check,
          "PASS",
          `user/${sample.id} answers ${user.name}.`,
          "Reads one person before each single deactivation.",
        )
      : row(
          check,
          "FAIL",
          `user/${sample.id} answered another user (${user.id}).`,
          "Single deactivations would act on what Workfront answers, not on whom they asked for.",
        );
  } catch (error) {
    return row(
      check,
      "FAIL",
      `user/<ID> failed: ${describeError(error)}.`,
      "Single deactivations and the user detail fail.",
    );
  }
}

/** Adobe's documented get-many, read raw: the app does not use it, so it is reported only. */
export async function getManyRow(context: SmokeContext, sample: readonly WorkfrontUser[]): Promise<SmokeRow> {
  const check = "get-many (user?id=A,B)";
  const ids = sample.map((user) => user.id);
  try {
    const data = await context.raw({
      method: "GET",
      path: "user",
      query: new URLSearchParams({ id: ids.join(","), fields: "isActive" }),
    });
    const answered = z.array(z.object({ ID: z.string() }).loose()).safeParse(data);
    const got = answered.success ? answered.data.map((user) => user.ID) : [];
    return ids.every((id) => got.includes(id))
      ? row(
          check,
          "INFO",
          `GET user?id=<${ids.length} IDs> answers all of them.`,
          "Nothing: the app reads by IDs with a search (next row).",
        )
      : row(
          check,
          "WARN",
          `GET user?id=<${ids.length} IDs> answered ${answered.success ? `${got.length} of them` : "something else"}.`,
          "Nothing: the app reads by IDs with a search (next row), not this way.",
        );
  } catch (error) {
    return row(
      check,
      "WARN",
      `GET user?id=A,B failed: ${describeError(error)}.`,
      "Nothing: the app reads by IDs with a search (next row), not this way.",
    );
  }
}

/** How jobs and the reconciler read up to 100 people: `ID=…&ID_Mod=in` (client.getUsers). */
export async function readByIdsRow(
  context: SmokeContext,
  sample: readonly WorkfrontUser[],
): Promise<SmokeRow> {
  const check = "read by IDs (ID_Mod=in)";
  const ids = sample.map((user) => user.id);
  try {
    const users = await context.client.getUsers([...ids, NOBODY]);
    const got = new Set(users.map((user) => user.id));
    const missing = ids.filter((id) => !got.has(id));
    return missing.length === 0 && !got.has(NOBODY)
      ? row(
          check,
          "PASS",
          `A search with ID_Mod=in for ${ids.length} users and one unknown ID answers the ${ids.length}.`,
          "Reads each chunk of a bulk job, and interrupted actions, 100 people per request.",
        )
      : row(
          check,
          "FAIL",
          `The ID_Mod=in search left out ${missing.length} of ${ids.length} users.`,
          "Bulk jobs would not learn people's state: their items retry, then fail.",
        );
  } catch (error) {
    return row(
      check,
      "FAIL",
      `The ID_Mod=in search failed: ${describeError(error)}.`,
      "Bulk jobs cannot read people: every item retries, then fails; interrupted actions stay pending.",
    );
  }
}

export async function mainAdminRow(context: SmokeContext): Promise<SmokeRow> {
  const check = "main admin (adminUserID)";
  try {
    const customer = await context.client.getCustomer();
    context.mainAdminId = customer.adminUserId;
    if (!customer.adminUserId) {
      return row(
        check,
        "WARN",
        "customer/search answers no adminUserID.",
        "Cannot refuse the main admin itself; Workfront's own refusal is what stops a deactivation.",
      );
    }
    const admin = await context.client.getUser(customer.adminUserId);
    return row(
      check,
      "PASS",
      `The customer's main admin is ${admin.name} (${admin.id}).`,
      "Refuses to deactivate this user (Workfront refuses it too).",
    );
  } catch (error) {
    return row(
      check,
      "FAIL",
      `customer/search?fields=adminUserID failed: ${describeError(error)}.`,
      "Every list and every deactivation fails (the main admin is one of the tenant facts).",
    );
  }
}

export async function batchRow(context: SmokeContext, sample: WorkfrontUser): Promise<SmokeRow> {
  const check = "/batch (undocumented)";
  if (!context.options.batch) {
    return row(
      check,
      "SKIP",
      "Not probed (add --batch to probe it).",
      "Uses the documented bulk edit and reads by IDs; /batch only where turned on.",
    );
  }
  try {
    const [answer] = await context.client.batch([{ kind: "getUser", id: sample.id }]);
    return answer?.ok
      ? row(check, "PASS", "POST /batch answers a read inside it.", "May use /batch where it is turned on.")
      : row(
          check,
          "FAIL",
          `POST /batch answered, but not the read inside it: ${describeError(answer?.error)}.`,
          "Do not turn /batch on for this tenant.",
        );
  } catch (error) {
    return row(
      check,
      "FAIL",
      `POST /batch failed: ${describeError(error)}.`,
      "Do not turn /batch on for this tenant; the documented paths do the same work.",
    );
  }
}
