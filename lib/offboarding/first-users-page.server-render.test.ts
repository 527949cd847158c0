import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NO_FILTERS } from "@/lib/client/user-filters";
import { DEFAULT_USER_SEARCH } from "@/lib/client/user-search";
import { withTestDatabase } from "@/lib/db/test-databases";
import { logger } from "@/lib/logger";
import { appDeps } from "./deps";
import { firstUsersPage } from "./first-users-page";
import { listUsers, userListQuerySchema } from "./list-users";
import { fakeUsersClient, wfId, wfUser } from "./test-users-client";
import { seedIndex } from "./test-user-index";

/** The app's dependencies are the test's: a database of this file's own and a fake Workfront. */
vi.mock("./deps", () => ({ appDeps: vi.fn() }));
const mockedDeps = vi.mocked(appDeps);

const users = [
  wfUser(1, { name: "Ada" }),
  wfUser(2, { name: "Bea", managerId: wfId(1) }),
  wfUser(3, { name: "Cid", isActive: false }),
];
let tenants = 0;
const fakeTenant = () =>
  fakeUsersClient(users, { apiBase: `https://first-page-${++tenants}.example/attask/api/v21.0` });

beforeEach(() => {
  mockedDeps.mockReset();
});

describe("firstUsersPage without a database", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("sends nothing when the page's rows are not read within 400 ms", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    mockedDeps.mockReturnValue(new Promise(() => undefined));
    const result = firstUsersPage(DEFAULT_USER_SEARCH, NO_FILTERS);
    const now = async () => Promise.race([result, Promise.resolve("still waiting")]);
    await vi.advanceTimersByTimeAsync(399);
    expect(await now()).toBe("still waiting");
    await vi.advanceTimersByTimeAsync(1);
    expect(await now()).toBe(null);
  });

  it("sends nothing for a query the API would refuse, without connecting to anything", async () => {
    expect(await firstUsersPage(DEFAULT_USER_SEARCH, { ...NO_FILTERS, manager: ["not-an-id"] })).toBe(null);
    expect(mockedDeps).not.toHaveBeenCalled();
  });

  it("sends nothing when reading fails, logs why, and leaves no timer behind", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const debug = vi.spyOn(logger, "debug").mockImplementation(() => undefined);
    const failure = new Error("not connected");
    mockedDeps.mockRejectedValue(failure);
    expect(await firstUsersPage(DEFAULT_USER_SEARCH, NO_FILTERS)).toBe(null);
    expect(debug).toHaveBeenCalledWith(
      { err: failure },
      "users page: no first rows from the server; the browser asks",
    );
    expect(vi.getTimerCount()).toBe(0);
  });
});

withTestDatabase("firstUsersPage with a database", ({ db }) => {
  it("sends nothing until the tenant's index is built, and does not ask Workfront", async () => {
    const fake = fakeTenant();
    mockedDeps.mockResolvedValue({ db: db(), client: fake.client, protectedUsers: [] });
    expect(await firstUsersPage(DEFAULT_USER_SEARCH, NO_FILTERS)).toBe(null);
    expect(fake.calls).toEqual([]);
  });

  it("sends the page the browser would have asked for, read from the index", async () => {
    const fake = fakeTenant();
    const deps = { db: db(), client: fake.client, protectedUsers: [] };
    await seedIndex(db(), fake.client, users, new Date("2030-05-01T12:00:00Z"));
    mockedDeps.mockResolvedValue(deps);
    const page = await firstUsersPage(
      { ...DEFAULT_USER_SEARCH, status: "all", sort: "name", dir: "desc" },
      { ...NO_FILTERS, manager: [wfId(1)] },
    );
    expect(page).toEqual(
      await listUsers(deps, userListQuerySchema.parse({ status: "all", dir: "desc", manager: wfId(1) })),
    );
    expect(page).toMatchObject({
      source: "index",
      total: 1,
      users: [{ id: wfId(2), name: "Bea", manager: "Ada" }],
    });
  });
});
