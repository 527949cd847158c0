import type { WorkfrontCredential } from "../../lib/workfront/transport";
import type { WorkfrontUser } from "../../lib/workfront/user";
import { badKeyRow, credentialRow, v15Row, versionRows } from "./access-checks";
import { type SmokeContext, type SmokeOptions, createContext } from "./context";
import { secretsOf } from "./credential";
import { batchRow, getByIdRow, getManyRow, mainAdminRow, readByIdsRow } from "./lookup-checks";
import { oauthRow, tenantUrlRow } from "./reach-checks";
import { countRow, metadataRow, pagingRow, searchRow, sortRow } from "./read-checks";
import { type SmokeRow, describeError, row } from "./rows";
import { writeRows } from "./write-checks";
import { workMetadataRows } from "./work-metadata-checks";

/**
 * `npm run smoke`: every Workfront behaviour the app relies on (docs/workfront-fidelity.md), tried
 * on a tenant through the app's own client. Read-only unless `write` names a test user. Returns the
 * table's rows and every secret the run held, for the printer to keep out of its output.
 */
export interface SmokeReport {
  rows: SmokeRow[];
  secrets: string[];
}

const stopped = (why: string) =>
  row("remaining checks", "SKIP", `Not run: ${why}.`, "Fix the FAIL above and run the smoke check again.");

/** A check that throws where it should have answered a row still answers one. */
async function guarded(check: string, work: () => Promise<SmokeRow | null>): Promise<SmokeRow | null> {
  try {
    return await work();
  } catch (error) {
    return row(check, "FAIL", `The check itself failed: ${describeError(error)}.`, "—");
  }
}

/** A few active users to read, other than the credential's own where the tenant has them. */
async function sampleUsers(context: SmokeContext): Promise<WorkfrontUser[]> {
  const users = await context.client.searchUsers({
    filters: [{ field: "isActive", value: true }],
    sort: [{ field: "ID", direction: "asc" }],
    limit: 4,
  });
  const others = users.filter((user) => user.id !== context.self?.id);
  return (others.length >= 2 ? others : users).slice(0, 3);
}

async function readRows(context: SmokeContext): Promise<SmokeRow[]> {
  const rows: (SmokeRow | null)[] = [];
  rows.push(await guarded("credential ($$USER)", () => credentialRow(context)));
  rows.push(await guarded("v15.0 (deprecated)", () => v15Row(context)));
  rows.push(await guarded("error envelope (bad key)", () => badKeyRow(context)));
  rows.push(await guarded("USER metadata", () => metadataRow(context)));
  rows.push(await guarded("count", () => countRow(context)));
  let sample: WorkfrontUser[] = [];
  try {
    sample = await sampleUsers(context);
    if (sample.length === 0) rows.push(row("search", "WARN", "The tenant has no active users to read.", "—"));
  } catch (error) {
    rows.push(row("search", "FAIL", `user/search failed: ${describeError(error)}.`, "The users page fails."));
  }
  const first = sample[0];
  if (first) {
    rows.push(await guarded("search (cicontains, OR)", () => searchRow(context, first)));
    rows.push(await guarded("paging ($$FIRST, $$LIMIT)", () => pagingRow(context)));
    rows.push(await guarded("sort (_Sort)", () => sortRow(context)));
    rows.push(await guarded("get by ID", () => getByIdRow(context, first)));
    rows.push(await guarded("get-many (user?id=A,B)", () => getManyRow(context, sample)));
    rows.push(await guarded("read by IDs (ID_Mod=in)", () => readByIdsRow(context, sample)));
  }
  rows.push(await guarded("main admin (adminUserID)", () => mainAdminRow(context)));
  try {
    rows.push(...(await workMetadataRows(context)));
  } catch (error) {
    rows.push(row("work metadata", "FAIL", `The check itself failed: ${describeError(error)}.`, "—"));
  }
  if (first) rows.push(await guarded("/batch (undocumented)", () => batchRow(context, first)));
  return rows.filter((entry): entry is SmokeRow => entry !== null);
}

export async function runSmoke(options: SmokeOptions): Promise<SmokeReport> {
  const secrets = secretsOf(options.credential);
  const rows: SmokeRow[] = [];
  const reach = await tenantUrlRow(options);
  rows.push(reach.row);
  if (!reach.reachable)
    return { rows: [...rows, stopped("the tenant URL does not answer the API")], secrets };

  let credential: WorkfrontCredential;
  if (options.credential.kind === "oauth2") {
    const exchanged = await oauthRow(options, options.credential);
    rows.push(exchanged.row);
    if (!exchanged.sessionID) return { rows: [...rows, stopped("there is no session")], secrets };
    secrets.push(exchanged.sessionID);
    credential = { kind: "session", sessionID: exchanged.sessionID };
  } else {
    credential = {
      kind: "apiKey",
      apiKey: options.credential.apiKey,
      placement: options.credential.placement,
    };
  }

  const context = createContext(options, credential);
  const version = await versionRows(context);
  rows.push(...version.rows);
  if (!version.go)
    return { rows: [...rows, stopped("no call with this credential and version answers")], secrets };

  rows.push(...(await readRows(context)));
  if (options.write) rows.push(...(await writeRows(context, options.write.userId)));
  return { rows, secrets };
}
