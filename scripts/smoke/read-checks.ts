import type { Filter } from "../../lib/workfront/query";
import type { WorkfrontUser } from "../../lib/workfront/user";
import type { SmokeContext } from "./context";
import { type SmokeRow, describeError, row } from "./rows";

/**
 * What the users page, the imports and the tenant facts read, each through the app's own client
 * with the filters, sorts and pages the app sends.
 */
const active: Filter[] = [{ field: "isActive", value: true }];
const byId = [{ field: "ID", direction: "asc" as const }];

/** The fields whose `possibleValues` hold numbers: reported, since the app must not choke on them. */
function integerEnums(metadata: unknown): string[] {
  const fields = (metadata as { fields?: Record<string, { possibleValues?: unknown }> })?.fields ?? {};
  return Object.entries(fields)
    .filter(([, field]) => Array.isArray(field?.possibleValues))
    .filter(([, field]) =>
      (field.possibleValues as { value?: unknown }[]).some((entry) => typeof entry?.value === "number"),
    )
    .map(([name]) => name);
}

export async function metadataRow(context: SmokeContext): Promise<SmokeRow> {
  const check = "USER metadata";
  let licenseTypes;
  try {
    ({ licenseTypes } = await context.client.userMetadata());
  } catch (error) {
    return row(
      check,
      "FAIL",
      `The app cannot read user/metadata: ${describeError(error)}.`,
      "Every list and every deactivation fails (workfront_unavailable): the licence labels come from here.",
    );
  }
  let enums = "";
  try {
    const names = integerEnums(await context.raw({ method: "GET", path: "user/metadata" }));
    enums = names.length
      ? ` Integer enums in ${names.length} field(s): ${names.slice(0, 5).join(", ")}${names.length > 5 ? ", …" : ""}.`
      : " No integer enums.";
  } catch {
    // The app's own read passed; the extra report is not worth a row of its own.
  }
  const labels = licenseTypes.map((option) => `${option.value} = ${option.label}`).join(", ");
  return licenseTypes.length
    ? row(
        check,
        "PASS",
        `Parsed: ${licenseTypes.length} licence type(s) (${labels}).${enums}`,
        "Shows licence types by these labels.",
      )
    : row(
        check,
        "WARN",
        `Parsed, but lists no licence types.${enums}`,
        "Shows licence types by their codes.",
      );
}

export async function countRow(context: SmokeContext): Promise<SmokeRow> {
  const check = "count";
  try {
    const [on, off, all] = await Promise.all([
      context.client.countUsers({ filters: active }),
      context.client.countUsers({ filters: [{ field: "isActive", value: false }] }),
      context.client.countUsers(),
    ]);
    const detail = `user/count answers {"data":{"count":N}}: ${on} active, ${off} deactivated, ${all} in all.`;
    return on + off === all
      ? row(check, "PASS", detail, "Shows these totals on the users page's tabs.")
      : row(
          check,
          "WARN",
          `${detail} The two do not add up.`,
          "The tabs' totals will not add up to all users.",
        );
  } catch (error) {
    return row(
      check,
      "FAIL",
      `user/count failed: ${describeError(error)}.`,
      "The users page fails (it shows a total with every page).",
    );
  }
}

/** A few letters of a real name, so the search has something to find. */
function probeText(user: WorkfrontUser): string {
  const name = user.name.replace(/[^\p{L}]/gu, "");
  return name.length >= 3 ? name.slice(1, 4) : user.name.slice(0, 3);
}

/** The users page's text search: `OR:n:` groups of `cicontains` on name and e-mail, with the status filter in each. */
export async function searchRow(context: SmokeContext, sample: WorkfrontUser): Promise<SmokeRow> {
  const check = "search (cicontains, OR)";
  const q = probeText(sample);
  const anyOf = [
    [{ field: "name", op: "cicontains" as const, value: q }],
    [{ field: "emailAddr", op: "cicontains" as const, value: q }],
  ];
  try {
    const [found, total] = await Promise.all([
      context.client.searchUsers({ filters: active, anyOf, sort: byId, limit: 2000 }),
      context.client.countUsers({ filters: active, anyOf }),
    ]);
    const needle = q.toLowerCase();
    const stray = found.filter(
      (user) => !user.isActive || !`${user.name} ${user.email ?? ""}`.toLowerCase().includes(needle),
    );
    const problems = [
      ...(found.some((user) => user.id === sample.id) ? [] : [`${sample.name} is missing`]),
      ...(stray.length ? [`${stray.length} result(s) match neither filter`] : []),
      ...(found.length < 2000 && found.length !== total
        ? [`count says ${total}, the search found ${found.length}`]
        : []),
    ];
    return problems.length
      ? row(
          check,
          "FAIL",
          `Active users whose name or e-mail contains "${q}": ${problems.join("; ")}.`,
          "The users page's search would show the wrong people or the wrong total.",
        )
      : row(
          check,
          "PASS",
          `Active users whose name or e-mail contains "${q}": ${found.length}, as count says; every result matches.`,
          "Searches names and e-mails this way.",
        );
  } catch (error) {
    return row(
      check,
      "FAIL",
      `The search was refused: ${describeError(error)}.`,
      "The users page's search fails.",
    );
  }
}

export async function pagingRow(context: SmokeContext): Promise<SmokeRow> {
  const check = "paging ($$FIRST, $$LIMIT)";
  try {
    const [both, first, second, unlimited, max] = await Promise.all([
      context.client.searchUsers({ sort: byId, first: 0, limit: 10 }),
      context.client.searchUsers({ sort: byId, first: 0, limit: 5 }),
      context.client.searchUsers({ sort: byId, first: 5, limit: 5 }),
      context.client.searchUsers({ sort: byId }),
      context.client.searchUsers({ sort: byId, limit: 2000 }),
    ]);
    const ids = (users: WorkfrontUser[]) => users.map((user) => user.id).join();
    const problems = [
      ...(ids(both) === ids([...first, ...second])
        ? []
        : ["$$FIRST=5 does not continue where $$LIMIT=5 stopped"]),
      ...(unlimited.length <= 100 ? [] : [`no $$LIMIT answered ${unlimited.length} rows, not at most 100`]),
      ...(max.length >= Math.min(unlimited.length, 2000)
        ? []
        : ["$$LIMIT=2000 answered fewer rows than the default"]),
    ];
    return problems.length
      ? row(check, "FAIL", `${problems.join("; ")}.`, "Pages of users would repeat or skip people.")
      : row(
          check,
          "PASS",
          `Zero-based $$FIRST continues pages; ${unlimited.length} rows without $$LIMIT; $$LIMIT=2000 accepted (${max.length} rows).`,
          "Pages the users list and reads whole tenants 2,000 at a time.",
        );
  } catch (error) {
    return row(
      check,
      "FAIL",
      `Paging was refused: ${describeError(error)}.`,
      "The users page and imports fail.",
    );
  }
}

export async function sortRow(context: SmokeContext): Promise<SmokeRow> {
  const check = "sort (_Sort)";
  try {
    const [up, down] = await Promise.all([
      context.client.searchUsers({ sort: byId, limit: 20 }),
      context.client.searchUsers({
        sort: [
          { field: "name", direction: "cidesc" },
          { field: "ID", direction: "asc" },
        ],
        limit: 20,
      }),
      context.client.searchUsers({
        sort: [
          { field: "lastLoginDate", direction: "desc" },
          { field: "ID", direction: "asc" },
        ],
        limit: 5,
      }),
    ]);
    const ascending = up.every((user, index) => index === 0 || up[index - 1]!.id < user.id);
    return ascending
      ? row(
          check,
          "PASS",
          `ID_Sort=asc orders by ID; name_1_Sort=cidesc&ID_2_Sort=asc and a date sort are accepted (${down.length} rows).`,
          "Sorts the users page this way, with ID last so pages are stable.",
        )
      : row(
          check,
          "FAIL",
          "ID_Sort=asc did not answer in ID order.",
          "Pages of users could repeat or skip people.",
        );
  } catch (error) {
    return row(
      check,
      "FAIL",
      `A sort the users page sends was refused: ${describeError(error)}.`,
      "The users page fails for that sort.",
    );
  }
}
