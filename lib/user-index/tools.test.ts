import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { indexedUsers, userIndexState } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import type { WorkfrontUser } from "@/lib/workfront";
import { ExportTooLargeError, usersCsv } from "./export";
import { userFacets, userFacetsAt } from "./facets";
import { licenceCounts, licenceCountsByGroup } from "./licences";
import { indexFilterSchema } from "./query";
import { toRow } from "./rows";

/** The index's readers for the users page's tools: filter values, the CSV export, licences in use. */
const TENANT = "https://tools.example";
const hex = (n: number) => n.toString(16).padStart(32, "0");
const GROUP_A = { id: hex(0xa1), name: "Finance" };
const GROUP_B = { id: hex(0xb1), name: "Sales" };

function person(n: number, overrides: Partial<WorkfrontUser>): WorkfrontUser {
  return {
    id: hex(n),
    name: `Person ${n}`,
    firstName: null,
    lastName: null,
    email: `p${n}@example.com`,
    username: null,
    title: null,
    isActive: true,
    licenseType: "FULL",
    accessLevel: null,
    homeGroup: GROUP_A,
    company: null,
    managerId: null,
    createdAt: "2020-01-01T00:00:00.000Z",
    updatedAt: null,
    lastLoginAt: null,
    scheduledDeactivationAt: null,
    deactivatedAt: null,
    ...overrides,
  };
}

const people = [
  person(1, { name: "Boss", licenseType: "FULL" }),
  person(2, { name: "=HYPERLINK(\"x\")", licenseType: "LIMITED", managerId: hex(1), homeGroup: GROUP_B }),
  person(3, { name: "Zoé Dupont", licenseType: "LIMITED", managerId: hex(1) }),
  person(4, { name: "Gone", licenseType: "LIMITED", isActive: false }),
];

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  // Response.text() would drop the byte-order mark; the test must see it.
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

withTestDatabase("the users index's tools", ({ db }) => {
  it("offers each value people have, with counts and the manager's name", async () => {
    await db().insert(userIndexState).values({ tenant: TENANT, builtAt: new Date(), refreshedAt: new Date() });
    await db().insert(indexedUsers).values(people.map((user) => toRow(TENANT, user, 1)));
    const facets = await userFacets(db(), TENANT);
    expect(facets.license).toEqual([
      { value: "LIMITED", label: null, count: 3 },
      { value: "FULL", label: null, count: 1 },
    ]);
    expect(facets.group).toEqual([
      { value: GROUP_A.id, label: "Finance", count: 3 },
      { value: GROUP_B.id, label: "Sales", count: 1 },
    ]);
    expect(facets.manager).toEqual([{ value: hex(1), label: "Boss", count: 2 }]);
  });

  it("remembers the facets for a version of the index, and reads them again for the next", async () => {
    const first = await userFacetsAt(db(), TENANT, 7);
    await db().insert(indexedUsers).values(toRow(TENANT, person(5, { licenseType: "FULL" }), 1));
    expect(await userFacetsAt(db(), TENANT, 7)).toBe(first);
    const next = await userFacetsAt(db(), TENANT, 8);
    expect(next.license).toContainEqual({ value: "FULL", label: null, count: 2 });
    await db().delete(indexedUsers).where(and(eq(indexedUsers.tenant, TENANT), eq(indexedUsers.id, hex(5))));
  });

  it("exports what the filters match, formula-safe, with a BOM and the locale's delimiter", async () => {
    const filter = indexFilterSchema.parse({ license: ["LIMITED"], status: "active" });
    const csv = await text(await usersCsv(db(), TENANT, filter, "de", 10));
    expect(csv.startsWith("\uFEFFBenutzer-ID;Name;")).toBe(true);
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(3);
    // Name order, accents aside; a cell a spreadsheet would run starts with an apostrophe.
    expect(lines[1]).toContain(`;"'=HYPERLINK(""x"")";`);
    expect(lines[2]).toContain(";Zoé Dupont;");
    expect(lines[2]).toContain(";Boss;");
  });

  it("exports the licence type's name beside its code", async () => {
    const filter = indexFilterSchema.parse({ license: ["LIMITED"], status: "active" });
    const csv = await text(await usersCsv(db(), TENANT, filter, "en", 10, new Map([["LIMITED", "Contributor"]])));
    const [header, row] = csv.replace("\uFEFF", "").trim().split("\r\n");
    const columns = header!.split(",");
    expect(columns.slice(columns.indexOf("Licence type code"), columns.indexOf("Licence type code") + 2)).toEqual(["Licence type code", "Licence type"]);
    expect(row).toContain(",LIMITED,Contributor,");
  });

  it("refuses an export beyond the cap before the first byte", async () => {
    const filter = indexFilterSchema.parse({ status: "all" });
    await expect(usersCsv(db(), TENANT, filter, "en", 3)).rejects.toBeInstanceOf(ExportTooLargeError);
    await expect(usersCsv(db(), TENANT, filter, "en", 3)).rejects.toMatchObject({ status: 422, code: "export_too_large" });
  });

  it("counts active licences per type and per group; the deactivated hold none", async () => {
    expect(await licenceCounts(db(), TENANT)).toEqual([
      { licenseType: "LIMITED", active: 2, deactivated: 1 },
      { licenseType: "FULL", active: 1, deactivated: 0 },
    ]);
    expect(await licenceCountsByGroup(db(), TENANT)).toEqual([
      { groupId: GROUP_A.id, groupName: "Finance", licenseType: "FULL", active: 1 },
      { groupId: GROUP_A.id, groupName: "Finance", licenseType: "LIMITED", active: 1 },
      { groupId: GROUP_B.id, groupName: "Sales", licenseType: "LIMITED", active: 1 },
    ]);
  });
});
