import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { jobItems, jobs } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import { insertJob } from "./create-job";
import { jobResultsCsvLines } from "./results-csv";
import { operator } from "./test-support";

async function lines(generator: AsyncGenerator<string>): Promise<string[][]> {
  let text = "";
  for await (const chunk of generator) text += chunk;
  const delimiter = text.includes(";") ? ";" : ",";
  return text.trim().split("\r\n").map((line) => line.split(delimiter));
}

withTestDatabase("a job's results as CSV", ({ db }) => {
  it("in English keeps codes; in German, the kind and each result are the words the job page shows; the licence by its name", async () => {
    const ids = ["a", "b"].map((seed) => seed.repeat(32));
    const jobId = await insertJob(db(), { kind: "deactivate", targets: ids.map((id) => ({ id })), reason: "Leavers", ticket: "HR-1", actor: operator });
    await db().update(jobItems).set({ state: "succeeded", finishedAt: sql`now()` }).where(eq(jobItems.targetId, ids[0]!));
    await db().update(jobItems).set({ state: "already", finishedAt: sql`now()` }).where(eq(jobItems.targetId, ids[1]!));
    const [job] = await db().select().from(jobs).where(eq(jobs.id, jobId));

    const [enHeader, ...en] = await lines(jobResultsCsvLines(db(), job!, "en"));
    const column = (header: string[], name: string) => header.indexOf(name);
    expect(en.map((row) => [row[column(enHeader!, "Action")], row[column(enHeader!, "Result")]])).toEqual([
      ["deactivate", "succeeded"],
      ["deactivate", "already"],
    ]);

    const [deHeader, ...de] = await lines(jobResultsCsvLines(db(), job!, "de", new Map([["REQUESTOR", "Contributor"]])));
    expect(de.map((row) => [row[column(deHeader!, "Aktion")], row[column(deHeader!, "Ergebnis")]])).toEqual([
      ["Deaktivieren", "Deaktiviert"],
      ["Deaktivieren", "Bereits deaktiviert"],
    ]);
    expect(deHeader).toContain("Lizenztyp (Code)");
    expect(deHeader).toContain("Lizenztyp");
  });
});
