import { afterEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db";
import type { OffboardingDeps } from "./deps";
import { listFromWorkfront, toUserDtos, userListQuerySchema } from "./list-users";
import { fakeUsersClient, wfId, wfUser } from "./test-users-client";
import type { UserDto } from "./user-dto";

/**
 * The users list asked of Workfront (before the tenant's index is built): the search, sort, page
 * and count sent, and how the people become rows (protections, licence labels). No database:
 * everyone here is active, so the audit log is not read (list-users.sources.test.ts reads it).
 */
const signal = new AbortController().signal;
const licenseTypes = [{ value: "FULL", label: "Standard" }];
const query = (input: Record<string, unknown>) => userListQuerySchema.parse(input);
let tenants = 0;
const tenantBase = () => `https://tenant-${++tenants}.example/attask/api/v21.0`;

const MAIN_ADMIN_N = 0xa;
const INTEGRATION_N = 0xb;
const MAIN_ADMIN = wfId(MAIN_ADMIN_N);
const INTEGRATION = wfId(INTEGRATION_N);

/** A database that fails any use: the code under test must not need it. */
const noDatabase = new Proxy(
  {},
  {
    get: () => {
      throw new Error("the database was used");
    },
  },
) as Database;

describe("listFromWorkfront: what Workfront is asked", () => {
  it.each([
    ["name", "asc", "ciasc"],
    ["name", "desc", "cidesc"],
    ["email", "asc", "ciasc"],
    ["email", "desc", "cidesc"],
    ["lastLogin", "desc", "desc"],
    ["lastLogin", "asc", "asc"],
    ["deactivated", "desc", "desc"],
    ["created", "asc", "asc"],
  ] as const)(
    "sort %s %s is sent as %s, with ID breaking ties, for page 3 of 25",
    async (sort, dir, direction) => {
      const fake = fakeUsersClient([], { apiBase: tenantBase() });
      const field = {
        name: "name",
        email: "emailAddr",
        lastLogin: "lastLoginDate",
        deactivated: "actualDeactivationDate",
        created: "entryDate",
      }[sort];
      const deps: OffboardingDeps = { db: noDatabase, client: fake.client, protectedUsers: [] };
      const page = await listFromWorkfront(
        deps,
        query({ sort, dir, page: "3", pageSize: "25", status: "all" }),
        signal,
      );
      expect(page).toEqual({
        users: [],
        total: 0,
        page: 3,
        pageSize: 25,
        source: "workfront",
        refreshedAt: null,
      });
      expect(fake.searches()).toEqual([
        {
          method: "searchUsers",
          query: {
            filters: [],
            anyOf: undefined,
            sort: [
              { field, direction },
              { field: "ID", direction: "asc" },
            ],
            first: 50,
            limit: 25,
          },
          signal,
        },
      ]);
      expect(fake.counts()).toEqual([
        { method: "countUsers", query: { filters: [], anyOf: undefined }, signal },
      ]);
    },
  );

  it("searches names or e-mails for the text, within the status tab, and counts the same", async () => {
    const users = [
      wfUser(1, { name: "Ann Lee" }),
      wfUser(2, { name: "Bob", email: "ann.b@example.com" }),
      wfUser(3, { name: "Cy" }),
      wfUser(4, { name: "Anna Old", isActive: false }),
    ];
    const fake = fakeUsersClient(users, { apiBase: tenantBase() });
    const deps: OffboardingDeps = { db: noDatabase, client: fake.client, protectedUsers: [] };
    const page = await listFromWorkfront(deps, query({ q: "ann", status: "active", pageSize: "50" }), signal);
    expect(page.users.map((user) => user.id)).toEqual([wfId(1), wfId(2)]);
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 50, source: "workfront", refreshedAt: null });
    const filters = [{ field: "isActive", value: true }];
    const anyOf = [
      [{ field: "name", op: "cicontains", value: "ann" }],
      [{ field: "emailAddr", op: "cicontains", value: "ann" }],
    ];
    expect(fake.searches()[0]!.query).toMatchObject({ filters, anyOf, first: 0, limit: 50 });
    expect(fake.counts()[0]!.query).toEqual({ filters, anyOf });
  });

  it("asks for deactivated people with isActive=false", async () => {
    const fake = fakeUsersClient([], { apiBase: tenantBase() });
    await listFromWorkfront(
      { db: noDatabase, client: fake.client, protectedUsers: [] },
      query({ status: "deactivated" }),
    );
    expect(fake.counts()[0]!.query).toEqual({
      filters: [{ field: "isActive", value: false }],
      anyOf: undefined,
    });
  });
});

describe("toUserDtos", () => {
  afterEach(() => vi.useRealTimers());

  it("marks protected people and labels licences, without reading the audit log when everyone is active", async () => {
    const users = [
      wfUser(MAIN_ADMIN_N, { licenseType: "FULL" }),
      wfUser(INTEGRATION_N),
      wfUser(3, { email: "Keep.Me@Example.com" }),
      wfUser(4, { licenseType: "ODD" }),
    ];
    const fake = fakeUsersClient(users, {
      apiBase: tenantBase(),
      mainAdminId: MAIN_ADMIN,
      integrationUserId: INTEGRATION,
      licenseTypes,
    });
    const dtos = await toUserDtos(
      { db: noDatabase, client: fake.client, protectedUsers: ["keep.me@example.com"] },
      users,
    );
    expect(dtos.map((dto) => [dto.id, dto.protection?.code ?? null, dto.licenseTypeLabel])).toEqual([
      [MAIN_ADMIN, "main_admin", "Standard"],
      [INTEGRATION, "integration_user", null],
      [wfId(3), "configured", null],
      [wfId(4), null, "ODD"],
    ]);
    expect(dtos[2]!.protection!.reason).toBe(
      "This account is on the dashboard's list of protected accounts, kept by whoever runs the dashboard or by an admin in Settings.",
    );
  });

  it("shows protections from the last known facts at once while fresh ones load", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-06T10:00:00Z"), toFake: ["Date"] });
    const users = [wfUser(MAIN_ADMIN_N)];
    const fake = fakeUsersClient(users, { apiBase: tenantBase(), mainAdminId: MAIN_ADMIN });
    const deps: OffboardingDeps = { db: noDatabase, client: fake.client, protectedUsers: [] };
    await toUserDtos(deps, users);
    vi.setSystemTime(new Date("2026-12-06T10:11:00Z"));
    fake.changeMainAdmin(wfId(0xc));
    const release = fake.holdNextFactLoad();
    const listed = toUserDtos(deps, users);
    const waited = new Promise((resolve) => setImmediate(() => resolve("waited for Workfront")));
    const answer = (await Promise.race([listed, waited])) as UserDto[];
    expect(answer.map((dto) => dto.protection?.code)).toEqual(["main_admin"]);
    release();
  });
});
