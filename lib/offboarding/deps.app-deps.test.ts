import { describe, expect, it, vi } from "vitest";
import { appDeps } from "./deps";

/** The app's dependencies, wired from its connection, configuration and database (all faked here). */
const fakes = vi.hoisted(() => ({
  db: { name: "the app database" },
  client: { name: "the connection's client" },
  settingsIds: ["0".repeat(31) + "9"],
}));

vi.mock("@/lib/connection", () => ({ appConnection: async () => ({ client: async () => fakes.client }) }));
vi.mock("@/lib/env", () => ({ env: () => ({ PROTECTED_USERS: ["boss@acme.example"], WORKFRONT_DEADLINE_MS: 10_000 }) }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => fakes.db }));
vi.mock("@/lib/admin/protected-people", () => ({
  protectedIds: async (db: unknown) => (db === fakes.db ? fakes.settingsIds : []),
}));



describe("appDeps", () => {
  it("joins the configured and the Settings protections, and derives the person lock from the deadline", async () => {
    expect(await appDeps()).toEqual({
      db: fakes.db,
      client: fakes.client,
      protectedUsers: ["boss@acme.example", "0".repeat(31) + "9"],
      personLock: { leaseMs: 50_000, waitMs: 10_000 },
    });
  });
});
