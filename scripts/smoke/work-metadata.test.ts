import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import { CATEGORY_DEFS } from "@/lib/offboarding/impact/categories";
import { IMPACT_CATEGORIES } from "@/lib/offboarding/impact/types";
import { startTestEmulator, stats } from "@/lib/workfront/test-support";
import { breaking, failures, rowOf, smokeOf, workfrontError } from "./test-support";
import { fieldsOf } from "./work-metadata-checks";

/**
 * The smoke check's rows for issue 16's impact check: one per category, read-only, from each work
 * object's `GET /<obj>/metadata`. Against the emulator every field is there; a tenant that lacks
 * one (or refuses an object's metadata) gets a WARN, or a FAIL for a blocking category.
 */
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ users: 60 });
});
afterAll(async () => {
  await emulator?.close();
});

const checkOf = (key: (typeof IMPACT_CATEGORIES)[number]) => `work metadata: ${key} (${CATEGORY_DEFS[key].objCode})`;

/** A tenant whose `<obj>/metadata` lacks one field (the emulator answers everything else). */
const without = (objCode: string, field: string) =>
  breaking(async (url, init) => {
    if (!url.pathname.endsWith(`/${objCode}/metadata`)) return undefined;
    const body = (await (await fetch(url, init)).json()) as { data: { fields: Record<string, unknown> } };
    delete body.data.fields[field];
    return Response.json(body);
  });

describe("the impact check's fields in the tenant's metadata", () => {
  it("has one PASS row per category against the emulator, naming the fields it found, and writes nothing", async () => {
    const { rows } = await smokeOf(emulator);
    expect(failures(rows)).toEqual([]);
    for (const key of IMPACT_CATEGORIES) {
      const found = rowOf(rows, checkOf(key));
      expect(found.result).toBe("PASS");
      expect(found.detail).toContain(CATEGORY_DEFS[key].personField);
    }
    expect((await stats(emulator)).writes).toBe(0);
  });

  it("checks ref:field names through the reference's own object", () => {
    expect(fieldsOf(CATEGORY_DEFS.taskAssignments)).toEqual(["assignedToID", "assignedTo:ID", "task:percentComplete", "taskID", "isPrimary", "task:name"]);
  });

  it("warns for a non-blocking category whose field the tenant lacks, and fails for a blocking one", async () => {
    const tasks = await smokeOf(emulator, { fetch: without("task", "percentComplete") });
    expect(rowOf(tasks.rows, checkOf("taskAssignments"))).toMatchObject({
      result: "WARN",
      detail: expect.stringContaining("task:percentComplete"),
      app: expect.stringContaining("unknown"),
    });
    expect(rowOf(tasks.rows, checkOf("projectsOwned")).result).toBe("PASS");

    const approvals = await smokeOf(emulator, { fetch: without("awapvl", "approverID") });
    expect(rowOf(approvals.rows, checkOf("approvalsAwaiting"))).toMatchObject({
      result: "FAIL",
      detail: expect.stringContaining("approverID"),
      app: expect.stringContaining("override"),
    });
  });

  it("fails a blocking category whose object's metadata the tenant refuses", async () => {
    const refused = breaking((url) =>
      url.pathname.endsWith("/spapvr/metadata")
        ? workfrontError(422, "com.attask.common.APIModelException", "Unknown object type: SPAPVR")
        : undefined,
    );
    const { rows } = await smokeOf(emulator, { fetch: refused });
    expect(rowOf(rows, checkOf("approvalStages"))).toMatchObject({ result: "FAIL", detail: expect.stringContaining("could not be read") });
  });
});
