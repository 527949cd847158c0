import { describe, expect, it } from "vitest";
import { seedEvents } from "@/lib/audit/test-fixtures";
import { withTestDatabase } from "@/lib/db/test-databases";
import { ApiError } from "@/lib/http/errors";
import type { OffboardingDeps } from "./deps";
import {
  countUsersByStatus,
  getUserRow,
  listFromWorkfront,
  listUsers,
  userCountsQuerySchema,
  userListQuerySchema,
} from "./list-users";
import { fakeUsersClient, wfId, wfUser } from "./test-users-client";
import { seedIndex } from "./test-user-index";
import type { UserDto } from "./user-dto";

/**
 * The users list from both sources: Workfront until the tenant's index is built (refusing the
 * filters only the index applies), and the index afterwards; deactivation records from the audit
 * log. Workfront is an in-memory fake; the database is real, one per file, a tenant per test.
 */
const signal = new AbortController().signal;
const licenseTypes = [{ value: "FULL", label: "Standard" }];
const MAIN_ADMIN = wfId(0xa);
const INTEGRATION = wfId(0xb);
const query = (input: Record<string, unknown>) => userListQuerySchema.parse(input);
let tenants = 0;
const tenantBase = () => `https://tenant-${++tenants}.example/attask/api/v21.0`;

/** The DTO of an active person with nothing special about them. */
function plainDto(n: number, overrides: Partial<UserDto> = {}): UserDto {
  return {
    id: wfId(n),
    name: `Person ${n}`,
    email: `person${n}@example.com`,
    title: null,
    isActive: true,
    licenseType: null,
    licenseTypeLabel: null,
    accessLevel: null,
    isAdmin: false,
    homeGroup: null,
    company: null,
    manager: null,
    createdAt: null,
    lastLoginAt: null,
    deactivatedAt: null,
    protection: null,
    deactivation: null,
    ...overrides,
  };
}

async function apiError(promise: Promise<unknown>) {
  return promise.then(
    () => "answered",
    (error: unknown) =>
      error instanceof ApiError ? { status: error.status, code: error.code, message: error.message } : error,
  );
}

const NOT_READY = {
  status: 503,
  code: "index_not_ready",
  message:
    "The list of Workfront users is still being read for the first time; filters work once it is done.",
};

withTestDatabase("the users list against the database", ({ db }) => {
  function setUp(users: Parameters<typeof fakeUsersClient>[0], protectedUsers: string[] = []) {
    const fake = fakeUsersClient(users, {
      apiBase: tenantBase(),
      mainAdminId: MAIN_ADMIN,
      integrationUserId: INTEGRATION,
      licenseTypes,
    });
    const deps: OffboardingDeps = { db: db(), client: fake.client, protectedUsers };
    return { fake, deps };
  }

  it("says who deactivated whom and when: Workfront's date first, the audit log's otherwise, or outside the dashboard", async () => {
    const users = [
      wfUser(0x101, { isActive: false, deactivatedAt: "2030-06-02T08:00:00.000Z" }),
      wfUser(0x102, { isActive: false, deactivatedAt: null }),
      wfUser(0x103, { isActive: false, deactivatedAt: "2030-06-04T08:00:00.000Z" }),
      wfUser(0x104),
    ];
    await seedEvents(db(), [
      {
        targetId: wfId(0x101),
        occurredAt: new Date("2030-06-01T09:00:00Z"),
        actorEmail: "hr@example.com",
        reason: "Left",
        ticket: "HR-1",
      },
      {
        targetId: wfId(0x102),
        occurredAt: new Date("2030-06-03T09:00:00Z"),
        actorEmail: "ops@example.com",
        reason: "Moved",
        ticket: null,
      },
    ]);
    const { fake, deps } = setUp(users);
    const page = await listFromWorkfront(deps, query({ status: "all" }));
    expect(page.users.map((user) => user.deactivation)).toEqual([
      {
        at: "2030-06-02T08:00:00.000Z",
        by: "hr@example.com",
        reason: "Left",
        ticket: "HR-1",
        outsideDashboard: false,
      },
      {
        at: "2030-06-03T09:00:00.000Z",
        by: "ops@example.com",
        reason: "Moved",
        ticket: null,
        outsideDashboard: false,
      },
      { at: "2030-06-04T08:00:00.000Z", by: null, reason: null, ticket: null, outsideDashboard: true },
      null,
    ]);
    expect(fake.counts()).toHaveLength(1);
  });

  it("getUserRow: one person, read from Workfront, as the table shows them", async () => {
    const { fake, deps } = setUp([wfUser(0x201, { title: "Clerk" })], [wfId(0x201)]);
    const row = await getUserRow(deps, wfId(0x201), signal);
    expect(row).toEqual(
      plainDto(0x201, {
        title: "Clerk",
        protection: {
          code: "configured",
          reason:
            "This account is on the dashboard's list of protected accounts, kept by whoever runs the dashboard or by an admin in Settings.",
        },
      }),
    );
    expect(fake.calls.filter((call) => call.method === "getUser")).toEqual([
      { method: "getUser", query: wfId(0x201), signal },
    ]);
  });

  describe("before the tenant's index is built", () => {
    it("answers the list from Workfront", async () => {
      const { deps } = setUp([wfUser(0x301), wfUser(0x302, { isActive: false })]);
      expect(await listUsers(deps, query({}))).toEqual({
        users: [plainDto(0x301)],
        total: 1,
        page: 1,
        pageSize: 25,
        source: "workfront",
        refreshedAt: null,
      });
    });

    it.each([
      ["license", { license: "FULL" }],
      ["access level", { accessLevel: wfId(1) }],
      ["group", { group: wfId(1) }],
      ["company", { company: wfId(1) }],
      ["manager", { manager: wfId(1) }],
      ["last sign-in", { lastLoginOlderThan: "90" }],
      ["never signed in", { neverSignedIn: "true" }],
      ["created before", { createdBefore: "2026-01-01" }],
    ])("refuses (503 index_not_ready) a %s filter, which only the index applies", async (_name, filter) => {
      const { fake, deps } = setUp([wfUser(0x311)]);
      expect(await apiError(listUsers(deps, query(filter)))).toEqual(NOT_READY);
      expect(await apiError(countUsersByStatus(deps, userCountsQuerySchema.parse(filter)))).toEqual(
        NOT_READY,
      );
      expect(fake.searches()).toEqual([]);
      expect(fake.counts()).toEqual([]);
    });

    it("answers from Workfront when \"never signed in\" is off, since that filters nobody out", async () => {
      const { fake, deps } = setUp([wfUser(0x331)]);
      expect((await listUsers(deps, query({ neverSignedIn: "false" }))).users).toEqual([plainDto(0x331)]);
      expect(fake.searches()).toHaveLength(1);
    });

    it("counts each status tab with two Workfront counts of the search", async () => {
      const users = [
        wfUser(0x321, { name: "Ann" }),
        wfUser(0x322, { name: "Anne", isActive: false }),
        wfUser(0x323, { name: "Anouk", isActive: false }),
        wfUser(0x324, { name: "Bo" }),
      ];
      const { fake, deps } = setUp(users);
      expect(await countUsersByStatus(deps, userCountsQuerySchema.parse({ q: "ann" }), signal)).toEqual({
        active: 1,
        deactivated: 1,
      });
      const anyOf = [
        [{ field: "name", op: "cicontains", value: "ann" }],
        [{ field: "emailAddr", op: "cicontains", value: "ann" }],
      ];
      expect(fake.counts()).toEqual([
        { method: "countUsers", query: { filters: [{ field: "isActive", value: true }], anyOf }, signal },
        { method: "countUsers", query: { filters: [{ field: "isActive", value: false }], anyOf }, signal },
      ]);
      expect(await countUsersByStatus(deps, userCountsQuerySchema.parse({}))).toEqual({
        active: 2,
        deactivated: 2,
      });
    });
  });

  describe("once the tenant's index is built", () => {
    it("answers the list from the index, with each person's manager by name, and when it was last refreshed", async () => {
      const users = [
        wfUser(0x401, { name: "Alice Boss" }),
        wfUser(0x402, { name: "Bert Report", managerId: wfId(0x401) }),
        wfUser(0x403, { name: "Cleo Other", managerId: wfId(0x4ff) }),
        wfUser(0x404, { name: "Dora Gone", isActive: false, deactivatedAt: "2030-01-01T00:00:00.000Z" }),
      ];
      const { fake, deps } = setUp(users);
      await seedIndex(db(), fake.client, users, new Date("2030-05-01T12:00:00Z"));
      const page = await listUsers(deps, query({ status: "active", pageSize: "50" }));
      expect(page).toEqual({
        users: [
          plainDto(0x401, { name: "Alice Boss" }),
          plainDto(0x402, { name: "Bert Report", manager: "Alice Boss" }),
          plainDto(0x403, { name: "Cleo Other" }),
        ],
        total: 3,
        page: 1,
        pageSize: 50,
        source: "index",
        refreshedAt: "2030-05-01T12:00:00.000Z",
      });
      // Filters only the index can apply are answered too; Workfront is asked nothing.
      const filtered = await listUsers(deps, query({ status: "all", manager: wfId(0x401) }));
      expect(filtered.users.map((user) => [user.name, user.manager])).toEqual([
        ["Bert Report", "Alice Boss"],
      ]);
      expect(fake.searches()).toEqual([]);
    });

    it("counts from the index, even a filter Workfront could not apply", async () => {
      const users = [
        wfUser(0x501),
        wfUser(0x502, { isActive: false }),
        wfUser(0x503, { isActive: false, managerId: wfId(0x501) }),
      ];
      const { fake, deps } = setUp(users);
      await seedIndex(db(), fake.client, users, new Date("2030-05-01T12:00:00Z"));
      // Workfront has moved on since; the index answers until its next refresh.
      fake.setUsers([wfUser(0x501)]);
      expect(await countUsersByStatus(deps, userCountsQuerySchema.parse({}))).toEqual({
        active: 1,
        deactivated: 2,
      });
      expect(await countUsersByStatus(deps, userCountsQuerySchema.parse({ manager: wfId(0x501) }))).toEqual({
        active: 0,
        deactivated: 1,
      });
      expect(fake.counts()).toEqual([]);
    });
  });
});
