import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DatabaseHandle, createDatabase, migrate } from "@/lib/db";

/**
 * A migrated database for one benchmark run: the embedded PostgreSQL the app uses by default, in a
 * throwaway folder (its own server, so runs never share a cache). close() stops it and removes it.
 */
export async function openScratchDatabase(options: { poolMax?: number } = {}): Promise<DatabaseHandle> {
  const dir = mkdtempSync(join(tmpdir(), "wf-bench-db-"));
  const handle = await createDatabase({ embeddedDir: dir, ...options });
  await migrate(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
