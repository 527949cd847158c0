/**
 * Runs once when the server starts: a bad configuration stops it here, naming the variable; the
 * database is opened and migrated before the first request; and the bulk-job worker starts.
 * First of all, the HTTP server is hooked (lib/http/server-hooks.ts): requests are marked with
 * their socket's address, and unparseable ones get a JSON answer.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  const { installServerHooks } = await import("./lib/http/server-hooks");
  installServerHooks(env().TRUSTED_PROXY_HOPS);
  const { getDb } = await import("./lib/db");
  const { logger } = await import("./lib/logger");
  const config = env();
  const db = await getDb();
  if (config.DEMO_ACCOUNTS) {
    const { ensureDemoAccounts } = await import("./lib/auth/accounts");
    const accounts = await ensureDemoAccounts(db);
    logger.warn({ accounts: accounts.map(({ email, role }) => ({ email, role })) }, "demo accounts are enabled");
  }
  const { startAppWorker } = await import("./lib/jobs/app-worker");
  await startAppWorker();
  const { startAppIndex } = await import("./lib/user-index/app-index");
  startAppIndex();
  // Reassignments a crash or a lost connection interrupted go on (lib/reassign/runner.ts).
  const { startReassignmentResumer } = await import("./lib/reassign/runner");
  const { appDeps } = await import("./lib/offboarding/deps");
  startReassignmentResumer(appDeps);
}
