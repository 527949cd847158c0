/**
 * Writes finished audit rows, at chosen times, into a spec's own app database before the app
 * starts: `tsx --conditions=react-server e2e/support/seed-audit.ts <database dir> '<json rows>'`.
 * A process of its own because lib/db is server-only; the app migrates the same database again
 * at start, which finds nothing to do.
 */
import { createDatabase, migrate } from "@/lib/db";
import { seedEvents } from "@/lib/audit/test-fixtures";

export interface SeededAuditRow {
  occurredAt: string;
  targetId: string;
  targetName: string;
  reason: string;
}

async function main(): Promise<void> {
  const [dir, json] = process.argv.slice(2);
  if (!dir || !json) throw new Error("usage: seed-audit.ts <database dir> '<json rows>'");
  const rows = JSON.parse(json) as SeededAuditRow[];
  // The embedded server on the app's folder: started here, stopped at close, started again by the app.
  const handle = await createDatabase({ embeddedDir: dir });
  try {
    await migrate(handle.db);
    await seedEvents(
      handle.db,
      rows.map((row) => ({ ...row, occurredAt: new Date(row.occurredAt), completedAt: new Date(row.occurredAt), targetEmail: null })),
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
