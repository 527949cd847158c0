import { describe, expect, it } from "vitest";
import { DEFAULT_LICENSE_TYPES } from "../config";
import { WfError } from "../core/errors";
import { generateTenant } from "../seed/generate-tenant";
import { TenantStore } from "../store/tenant-store";
import { fixtureEnv, id, q } from "../test/fixture-tenant";
import type { QueryEnv } from "./filters";
import { searchRows } from "./search";

function names(search: string, env: QueryEnv = fixtureEnv()): string[] {
  return searchRows(env, env.store.tables.USER, q(search)).map((row) => String(row.name));
}

function thrown(run: () => unknown): WfError {
  try {
    run();
  } catch (error) {
    if (error instanceof WfError) return error;
    throw error;
  }
  throw new Error("expected a WfError");
}

describe("sorting", () => {
  it("sorts asc by code unit (binary collation) and ciasc by lower-cased text", () => {
    expect(names("name_Sort=asc")).toEqual([
      "Anne-Marie Dubois",
      "Avery Admin",
      "Jürgen Müller",
      "Siobhán O'Brien",
      "Workfront Integration",
      "zoë adams",
      "花子 佐藤",
    ]);
    expect(names("lastName_Sort=ciasc").slice(0, 3)).toEqual([
      "zoë adams",
      "Avery Admin",
      "Anne-Marie Dubois",
    ]);
  });

  it("reverses for desc, with nulls first (they sort last ascending)", () => {
    expect(names("title_Sort=asc").at(-1)).toBe("Siobhán O'Brien");
    expect(names("title_Sort=desc")[0]).toBe("Siobhán O'Brien");
    expect(names("name_Sort=desc")[0]).toBe("花子 佐藤");
  });

  it("honours numbered multi-key sorts in their numeric order", () => {
    const env = fixtureEnv();
    const rows = searchRows(env, env.store.tables.USER, q("ID_2_Sort=desc&homeGroupID_1_Sort=asc"));
    // IT group first (its ID sorts lower), then Marketing; inside each, IDs descending.
    expect(rows.map((row) => row.ID)).toEqual([id(5), id(4), id(2), id(1), id(0), id(6), id(3)]);
  });

  it("sorts through a reference", () => {
    expect(names("accessLevel:name_Sort=asc&name_Sort=asc").slice(0, 2)).toEqual([
      "Avery Admin",
      "Workfront Integration",
    ]);
  });

  it("re-sorts after a write to the sorted field (the cached order is invalidated)", () => {
    const env = fixtureEnv();
    expect(names("name_Sort=asc", env)[0]).toBe("Anne-Marie Dubois");
    env.store.updateUser(id(4), { name: "Aaron Adams" });
    expect(names("name_Sort=asc", env)[0]).toBe("Aaron Adams");
  });

  it("refuses an unknown direction or field", () => {
    const env = fixtureEnv();
    expect(thrown(() => searchRows(env, env.store.tables.USER, q("name_Sort=up"))).message).toContain(
      "name_Sort",
    );
    expect(thrown(() => searchRows(env, env.store.tables.USER, q("shoeSize_Sort=asc"))).message).toContain(
      "shoeSize",
    );
  });
});

describe("paging", () => {
  const big = (): QueryEnv => {
    const data = generateTenant({
      seed: 3,
      users: 2500,
      licenseTypes: DEFAULT_LICENSE_TYPES,
      anchorMs: Date.UTC(2026, 0, 1),
    });
    return {
      store: new TenantStore(data),
      apiVersion: "V21_0",
      currentUserID: data.integrationUserID,
      now: Date.now(),
    };
  };

  it("answers 100 rows without $$LIMIT, and pages with a zero-based $$FIRST", () => {
    const env = big();
    const table = env.store.tables.USER;
    expect(searchRows(env, table, q(""))).toHaveLength(100);
    const all = searchRows(env, table, q("ID_Sort=asc&$$LIMIT=60")).map((row) => row.ID);
    const page = searchRows(env, table, q("ID_Sort=asc&$$FIRST=20&$$LIMIT=20")).map((row) => row.ID);
    expect(page).toEqual(all.slice(20, 40));
  });

  it("allows $$LIMIT=2000 and refuses 2001 with an IllegalArgumentException", () => {
    const env = big();
    const table = env.store.tables.USER;
    expect(searchRows(env, table, q("$$LIMIT=2000"))).toHaveLength(2000);
    const error = thrown(() => searchRows(env, table, q("$$LIMIT=2001")));
    expect(error.toEnvelope().error.class).toBe("java.lang.IllegalArgumentException");
    expect(error.status).toBe(400);
    expect(thrown(() => searchRows(env, table, q("$$FIRST=ten"))).kind).toBe("illegalArgument");
  });

  it("reads a limit of zero as the maximum", () => {
    const env = big();
    expect(searchRows(env, env.store.tables.USER, q("$$LIMIT=0"))).toHaveLength(2000);
  });
});
