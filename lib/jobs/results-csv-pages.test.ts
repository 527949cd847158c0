import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { jobs } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import { insertJob } from "./create-job";
import { jobResultsCsvLines } from "./results-csv";
import { operator } from "./test-support";

/** The results CSV of a job longer than one page of its query (1,000 people): every person, in order, once. */
withTestDatabase("a long job's results as CSV", ({ db }) => {
  it("lists all 2,001 people in the order listed, numbered from 1, one line each", async () => {
    const ids = Array.from({ length: 2_001 }, (_, n) => n.toString(16).padStart(32, "0"));
    const jobId = await insertJob(db(), { kind: "deactivate", targets: ids.map((id) => ({ id })), reason: "Leavers", ticket: null, actor: operator });
    const [job] = await db().select().from(jobs).where(eq(jobs.id, jobId));

    let text = "";
    for await (const chunk of jobResultsCsvLines(db(), job!, "en")) text += chunk;
    const [header, ...rows] = text.split("\r\n").slice(0, -1).map((line) => line.split(","));

    expect(header!.slice(0, 7)).toEqual(["Job ID", "Action", "Source file", "Reason", "Ticket", "Line", "User ID"]);
    expect(rows).toHaveLength(2_001);
    expect(rows.map((row) => row[5])).toEqual(ids.map((_, n) => String(n + 1)));
    expect(rows.map((row) => row[6])).toEqual(ids);
    expect(rows[0]!.slice(0, 5)).toEqual([jobId, "deactivate", "", "Leavers", ""]);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set([jobId]));
  });
});
