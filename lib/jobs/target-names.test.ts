import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type Database, type DatabaseHandle, indexedUsers } from "@/lib/db";
import { createMigratedTestDatabase } from "@/lib/db/test-databases";
import { logger } from "@/lib/logger";
import { createWorkfrontClient } from "@/lib/workfront/client";
import { indexedNames, namesForNewJob } from "./target-names";
import { targetId } from "./test-rows";

const TENANT = "https://acme.my.workfront.com";
const OTHER_TENANT = "https://other.my.workfront.com";

let handle: DatabaseHandle;

function indexed(tenant: string, n: number, name: string, email: string | null) {
  return {
    tenant,
    id: targetId(n),
    name,
    email,
    isActive: true,
    isAdmin: false,
    sortName: name.toLowerCase(),
    searchText: name.toLowerCase(),
    seenIn: 1,
  };
}

beforeAll(async () => {
  handle = await createMigratedTestDatabase();
  await handle.db
    .insert(indexedUsers)
    .values([
      indexed(TENANT, 1, "Ada Lovelace", "ada@acme.example"),
      indexed(TENANT, 2, "Grace Hopper", null),
      indexed(TENANT, 3, "Alan Turing", "alan@acme.example"),
      indexed(OTHER_TENANT, 4, "Other Tenant's Person", "x@other.example"),
      indexed(OTHER_TENANT, 1, "Ada in Another Tenant", "ada@other.example"),
    ]);
});

afterAll(async () => {
  await handle?.close();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** A client for TENANT that is never called (naming reads only the index). */
const client = () =>
  createWorkfrontClient({
    url: TENANT,
    credential: { kind: "none" },
    fetch: () => Promise.reject(new Error("no Workfront call expected")),
  });

describe("indexedNames", () => {
  it("answers the tenant's name and e-mail of each known ID, and leaves unknown IDs and other tenants out", async () => {
    const names = await indexedNames(handle.db, TENANT, [
      targetId(1),
      targetId(2),
      targetId(4),
      targetId(99),
    ]);
    expect(names).toEqual(
      new Map([
        [targetId(1), { name: "Ada Lovelace", email: "ada@acme.example" }],
        [targetId(2), { name: "Grace Hopper", email: null }],
      ]),
    );
  });

  it("answers an empty map for no IDs without asking the database", async () => {
    const db = {
      select: () => {
        throw new Error("no query expected");
      },
    } as unknown as Database;
    expect(await indexedNames(db, TENANT, [])).toEqual(new Map());
  });
});

describe("namesForNewJob", () => {
  it("names the people from the users index of the client's tenant", async () => {
    expect(await namesForNewJob(handle.db, client(), [targetId(3), targetId(1)])).toEqual(
      new Map([
        [targetId(3), { name: "Alan Turing", email: "alan@acme.example" }],
        [targetId(1), { name: "Ada Lovelace", email: "ada@acme.example" }],
      ]),
    );
  });

  it("answers no names, and logs a warning with the error, when the index cannot be read", async () => {
    const failure = new Error("index unavailable");
    const db = {
      select: () => {
        throw failure;
      },
    } as unknown as Database;
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const names = await namesForNewJob(db, client(), [targetId(1)]);
    expect(names).toEqual(new Map());
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(
      { err: failure },
      "naming a new job's people from the users index failed",
    );
  });
});
