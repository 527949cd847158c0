import { eq } from "drizzle-orm";
import { createDatabase, reassignments } from "@/lib/db";
import { createWorkfrontClient } from "@/lib/workfront";
import { runReassignment } from "./run";

/**
 * Runs one reassignment to its end in a process of its own: what the crash test kills with SIGKILL
 * and starts again. `node --import tsx lib/reassign/run-cli.ts <id>` with DATABASE_URL,
 * WORKFRONT_URL, WORKFRONT_API_KEY and REASSIGN_LEASE_MS set.
 */
async function main(): Promise<void> {
  const id = process.argv[2];
  if (!id) throw new Error("usage: run-cli.ts <reassignment id>");
  const handle = await createDatabase({ url: process.env.DATABASE_URL });
  const client = createWorkfrontClient({
    url: process.env.WORKFRONT_URL ?? "",
    credential: { kind: "apiKey", apiKey: process.env.WORKFRONT_API_KEY ?? "" },
    timeoutMs: 3_000,
    deadlineMs: 20_000,
    retryBaseMs: 20,
    retryCapMs: 200,
  });
  console.log(JSON.stringify({ ready: true }));
  // Items another (dead) runner still leases are left until their lease runs out: go round again.
  for (;;) {
    await runReassignment({ db: handle.db, client }, id, {
      leaseMs: Number(process.env.REASSIGN_LEASE_MS ?? 30_000),
      chunk: 25,
    });
    const [row] = await handle.db
      .select({ status: reassignments.status })
      .from(reassignments)
      .where(eq(reassignments.id, id));
    if (row?.status !== "running") break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.log(JSON.stringify({ done: true }));
  await handle.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
