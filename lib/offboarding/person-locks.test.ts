import { expect, it } from "vitest";
import { listAuditEvents } from "@/lib/audit";
import { createAccount } from "@/lib/auth/accounts";
import type { SessionUser } from "@/lib/auth/session";
import { withTestDatabase } from "@/lib/db/test-databases";
import { ApiError } from "@/lib/http/errors";
import { clientFor, control, stats, testEmulatorForFile } from "@/lib/workfront/test-support";
import { changeUserStatus } from "./change-status";
import type { OffboardingDeps } from "./deps";
import { tryLockPeople, unlockPeople, withPersonLock } from "./person-locks";

/** One action per person at a time, on both engines, and what it does to the audit log. */
const emulator = testEmulatorForFile();

const hex = (n: number) => n.toString(16).padStart(32, "0");

withTestDatabase("person locks", ({ db }) => {
  it("holds a person for one owner: others are refused, the holder may renew, a lapsed lease is taken over", async () => {
    const [a, b] = [hex(1), hex(2)];
    expect(await tryLockPeople(db(), "one", [a, b], 60_000)).toEqual(new Set([a, b]));
    expect(await tryLockPeople(db(), "two", [a, hex(3)], 60_000)).toEqual(new Set([hex(3)]));
    expect(await tryLockPeople(db(), "one", [a], 60_000)).toEqual(new Set([a]));
    await unlockPeople(db(), "two", [a]); // not two's to release
    expect(await tryLockPeople(db(), "two", [a], 60_000)).toEqual(new Set());
    await unlockPeople(db(), "one", [a]);
    expect(await tryLockPeople(db(), "two", [a], 60_000)).toEqual(new Set([a]));

    // A holder that crashed: its lease runs out (here at once) and someone else takes the person.
    expect(await tryLockPeople(db(), "crashed", [hex(4)], -1)).toEqual(new Set([hex(4)]));
    expect(await tryLockPeople(db(), "next", [hex(4)], 60_000)).toEqual(new Set([hex(4)]));
  });

  it("answers person_busy when the person stays held longer than the wait", async () => {
    await tryLockPeople(db(), "long-job", [hex(10)], 60_000);
    const error = await withPersonLock(db(), hex(10), { leaseMs: 60_000, waitMs: 60, pollMs: 10 }, async () => "ran").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("person_busy");
    await unlockPeople(db(), "long-job", [hex(10)]);
    expect(await withPersonLock(db(), hex(10), { leaseMs: 60_000, waitMs: 60, pollMs: 10 }, async () => "ran")).toBe("ran");
    // Released after the action, also when it throws.
    await expect(withPersonLock(db(), hex(10), { leaseMs: 60_000, waitMs: 60 }, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await tryLockPeople(db(), "after", [hex(10)], 60_000)).toEqual(new Set([hex(10)]));
  });

  it("ten concurrent deactivations of one person: one write, one succeeded row, nine already", async () => {
    const deps: OffboardingDeps = { db: db(), client: clientFor(emulator()), protectedUsers: [], personLock: { leaseMs: 60_000, waitMs: 30_000, pollMs: 5 } };
    const [user] = await deps.client.searchUsers({
      filters: [
        { field: "isActive", value: true },
        { field: "accessLevel:isAdmin", value: false },
        { field: "ID", op: "notin", values: [emulator().adminUserID, emulator().integrationUser.ID] },
      ],
      limit: 1,
    });
    const email = `operator.${Date.now()}@example.com`;
    const account = await createAccount(db(), { email, role: "operator", password: "a long enough password" });
    const actor: SessionUser = { id: account.id, email, name: null, role: "operator", locale: null };
    await control(emulator(), "POST", "stats/reset");
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        changeUserStatus(deps, {
          action: "deactivate",
          targetId: user!.id,
          reason: "Left",
          ticket: null,
          actor,
          requestId: `req-${index}`,
          clientIp: null,
        }),
      ),
    );
    expect(results.every((dto) => dto.isActive === false)).toBe(true);
    const rows = (await listAuditEvents(db(), { target: user!.id })).rows;
    expect(rows.map((row) => row.outcome).sort()).toEqual(["already", ...Array(8).fill("already"), "succeeded"].sort());
    expect(rows.find((row) => row.outcome === "succeeded")).toMatchObject({ isActiveBefore: true, isActiveAfter: false });
    expect(rows.filter((row) => row.outcome === "already").every((row) => row.isActiveBefore === false)).toBe(true);
    expect((await stats(emulator())).byRoute["PUT USER/:id"]).toBe(1);
  });
});
