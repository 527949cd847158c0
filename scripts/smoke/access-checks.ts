import { type WorkfrontError, isWorkfrontError } from "../../lib/workfront/errors";
import type { WorkfrontCredential } from "../../lib/workfront/transport";
import type { SmokeContext } from "./context";
import { type SmokeRow, describeError, row } from "./rows";

/**
 * The first calls with the credential: the version answers, the credential is accepted and whose it
 * is, how a refused credential looks; v15.0 is reported.
 */

/** The versions on Adobe's support schedule (api-version-support-schedule.md), newest first. */
const SCHEDULED_VERSIONS = ["22.0", "21.0", "20.0", "19.0", "18.0", "17.0", "16.0"];

async function answers(
  context: SmokeContext,
  overrides: { version?: string; credential?: WorkfrontCredential },
) {
  try {
    return { count: await context.clientWith(overrides).countUsers() };
  } catch (error) {
    return { error };
  }
}

function otherPlacement(credential: WorkfrontCredential): WorkfrontCredential | null {
  if (credential.kind !== "apiKey") return null;
  return { ...credential, placement: credential.placement === "query" ? "header" : "query" };
}

/**
 * The version row is the first call with the credential. A refusal there is the credential's
 * fault (and an API key is then tried in its other place); anything else is the version's.
 */
export async function versionRows(context: SmokeContext): Promise<{ rows: SmokeRow[]; go: boolean }> {
  const version = context.options.version;
  const check = `API version v${version}`;
  const first = await answers(context, {});
  if (!("error" in first)) {
    return {
      go: true,
      rows: [
        row(
          check,
          "PASS",
          `Answers (user/count: ${first.count} users).`,
          `Uses v${version} (WORKFRONT_API_VERSION).`,
        ),
      ],
    };
  }
  const error = first.error;
  if (isWorkfrontError(error) && error.code === "auth") {
    const skipped = row(check, "SKIP", "Not known: the credential was refused first.", "—");
    const other = otherPlacement(context.credential);
    if (other?.kind === "apiKey" && !("error" in (await answers(context, { credential: other })))) {
      const fix = `set WORKFRONT_API_KEY_PLACEMENT=${other.placement}`;
      return {
        go: false,
        rows: [
          skipped,
          row(
            "credential",
            "FAIL",
            `Workfront refuses the API key as ${other.placement === "query" ? "a header" : "a query parameter"} and accepts it as ${other.placement === "query" ? "a query parameter" : "a header"}.`,
            `Every call would be refused: ${fix}.`,
          ),
        ],
      };
    }
    return {
      go: false,
      rows: [
        skipped,
        row(
          "credential",
          "FAIL",
          `Workfront refused the credential: ${describeError(error)}.`,
          "Every call would be refused: check that the key (or the OAuth2 app's user) is valid, not expired or cleared, and active.",
        ),
      ],
    };
  }
  let instead: string | undefined;
  for (const candidate of SCHEDULED_VERSIONS.filter((other) => other !== version)) {
    if (!("error" in (await answers(context, { version: candidate })))) {
      instead = candidate;
      break;
    }
  }
  const detail = `v${version} does not answer: ${describeError(error)}.${instead ? ` v${instead} does.` : ""}`;
  const app = instead
    ? `Every call would fail: set WORKFRONT_API_VERSION=${instead}.`
    : "Every call would fail: check the URL and WORKFRONT_API_VERSION.";
  return { go: false, rows: [row(check, "FAIL", detail, app)] };
}

/** `$$USER`: whose credential this is, and whether that user may edit users. */
export async function credentialRow(context: SmokeContext): Promise<SmokeRow> {
  const check = "credential ($$USER)";
  try {
    const user = await context.client.getCurrentUser();
    context.self = user;
    const who = `${user.name} (${user.id})`;
    if (user.accessLevel?.isAdmin) {
      return row(
        check,
        "PASS",
        `The credential is ${who}, a System Administrator.`,
        "Protects this user from deactivation (it would cut the app off).",
      );
    }
    return row(
      check,
      "WARN",
      `The credential is ${who}, who is not a System Administrator (access level: ${user.accessLevel?.name ?? "unknown"}).`,
      "Workfront may refuse deactivations (workfront_forbidden) unless this user is a user admin: use a System Administrator's credential.",
    );
  } catch (error) {
    return row(
      check,
      "FAIL",
      `Workfront did not say whose credential this is: ${describeError(error)}.`,
      "Settings cannot connect and the users page fails (the app must know whose credential it uses).",
    );
  }
}

/** v15.0 is in every example of Adobe's docs and was deprecated on 2025-12-18. */
export async function v15Row(context: SmokeContext): Promise<SmokeRow | null> {
  if (context.options.version === "15.0") return null;
  const check = "v15.0 (deprecated)";
  const result = await answers(context, { version: "15.0" });
  return "error" in result
    ? row(
        check,
        "INFO",
        `v15.0 does not answer (${describeError(result.error)}); Adobe deprecated it on 2025-12-18.`,
        "Nothing: the app uses the version above. Never set WORKFRONT_API_VERSION=15.0 here.",
      )
    : row(
        check,
        "INFO",
        "v15.0 still answers (deprecated on 2025-12-18, due to go).",
        "Nothing: the app uses the version above.",
      );
}

function madeUp(credential: WorkfrontCredential): WorkfrontCredential {
  const fake = "0123456789abcdef".repeat(2).split("").reverse().join("");
  return credential.kind === "session"
    ? { kind: "session", sessionID: fake }
    : {
        kind: "apiKey",
        apiKey: fake,
        placement: credential.kind === "apiKey" ? credential.placement : "header",
      };
}

/** A made-up credential of the same kind: what a refused or expired one looks like here. */
export async function badKeyRow(context: SmokeContext): Promise<SmokeRow> {
  const check = "error envelope (bad key)";
  let error: unknown;
  try {
    await context
      .clientWith({ credential: madeUp(context.credential) })
      .countUsers({}, { deadlineMs: 20_000 });
  } catch (caught) {
    error = caught;
  }
  if (error === undefined) {
    return row(
      check,
      "FAIL",
      "A made-up credential was accepted.",
      "The app cannot tell a refused credential: do not use it on this tenant.",
    );
  }
  if (!isWorkfrontError(error)) return row(check, "FAIL", `Unexpected: ${describeError(error)}.`, "—");
  const seen = `HTTP ${error.status ?? "?"}, class ${error.upstreamClass ?? "none"}, message "${error.message}"`;
  if (error.code === "auth") {
    return row(
      check,
      "PASS",
      `${seen}: the app reads it as a refused credential.`,
      'Marks the connection "reconnect", pauses jobs and never retries a refused credential.',
    );
  }
  return row(
    check,
    "FAIL",
    `${seen}: the app reads it as ${(error as WorkfrontError).code}, not as a refused credential.`,
    "An expired key would be retried until the deadline and shown as unavailable instead of asking to reconnect.",
  );
}
