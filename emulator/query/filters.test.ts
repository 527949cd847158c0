import { describe, expect, it } from "vitest";
import { WfError } from "../core/errors";
import { fixtureEnv, id, q } from "../test/fixture-tenant";
import { countRows, searchRows } from "./search";

/** First names of the matching fixture users, in storage order. */
function match(search: string, currentUser?: number): string[] {
  const env = fixtureEnv(currentUser);
  return searchRows(env, env.store.tables.USER, q(search)).map((row) => String(row.firstName));
}

function failure(search: string): WfError {
  const env = fixtureEnv();
  try {
    searchRows(env, env.store.tables.USER, q(search));
  } catch (error) {
    if (error instanceof WfError) return error;
    throw error;
  }
  throw new Error(`expected ${search} to fail`);
}

describe("equality and lists", () => {
  it("matches a plain field=value exactly and case-sensitively", () => {
    expect(match("lastName=adams")).toEqual(["zoë"]);
    expect(match("lastName=Adams")).toEqual([]);
  });

  it("reads booleans from the strings true and false", () => {
    expect(match("isActive=false")).toEqual(["Siobhán"]);
    expect(match("isActive=TRUE")).toHaveLength(6);
    expect(failure("isActive=yes").message).toContain("isActive");
  });

  it("turns a repeated parameter into in, and supports notin", () => {
    expect(match("lastName=adams&lastName=Dubois")).toEqual(["zoë", "Anne-Marie"]);
    expect(match(`ID=${id(2)}&ID=${id(3)}&ID_Mod=notin`)).toEqual([
      "Avery",
      "Workfront",
      "zoë",
      "花子",
      "Anne-Marie",
    ]);
  });

  it("lets ne match null but not nee", () => {
    expect(match("title=Engineer&title_Mod=ne")).toContain("Siobhán");
    expect(match("title=Engineer&title_Mod=nee")).not.toContain("Siobhán");
    expect(match("title=Engineer&title_Mod=nee")).toEqual([
      "Avery",
      "Workfront",
      "zoë",
      "花子",
      "Anne-Marie",
    ]);
  });

  it("compares case-insensitively with cieq, ciin and cine", () => {
    expect(match("title=DESIGNER&title_Mod=cieq")).toEqual(["zoë", "花子"]);
    expect(match("title=designer&title=api&title_Mod=ciin")).toEqual(["Workfront", "zoë", "花子"]);
    expect(match("title=designer&title_Mod=cine")).not.toContain("zoë");
  });
});

describe("text operators", () => {
  it("contains is case-sensitive, cicontains is not, notcontains excludes", () => {
    expect(match("name=ller&name_Mod=contains")).toEqual(["Jürgen"]);
    expect(match("name=MÜLLER&name_Mod=contains")).toEqual([]);
    expect(match("name=MÜLLER&name_Mod=cicontains")).toEqual(["Jürgen"]);
    expect(match("name=a&name_Mod=notcontains")).toEqual(["Avery", "Jürgen", "Siobhán", "花子"]);
  });

  it("startswith ignores case, as the constants describe it", () => {
    expect(match("lastName=o'b&lastName_Mod=startswith")).toEqual(["Siobhán"]);
  });

  it("like and cilike use % and _ wildcards", () => {
    expect(match("name=%Dub_is&name_Mod=like")).toEqual(["Anne-Marie"]);
    expect(match("name=%dub_is&name_Mod=like")).toEqual([]);
    expect(match("name=%DUB_IS&name_Mod=cilike")).toEqual(["Anne-Marie"]);
  });

  it("tells null from blank", () => {
    expect(match("title=&title_Mod=isnull")).toEqual(["Siobhán"]);
    expect(match("title=&title_Mod=isblank")).toEqual(["Siobhán", "Anne-Marie"]);
    expect(match("title=&title_Mod=notnull")).toHaveLength(6);
    expect(match("title=&title_Mod=notblank")).toHaveLength(5);
  });

  it("ignores a _Mod whose field= parameter is missing, as Workfront does", () => {
    expect(match("title_Mod=isnull")).toHaveLength(7);
  });

  it("matches any or all needles with cicontainsany and cicontainsall", () => {
    expect(match("name=zoë&name=dubois&name_Mod=cicontainsany")).toEqual(["zoë", "Anne-Marie"]);
    expect(match("name=anne&name=dubois&name_Mod=cicontainsall")).toEqual(["Anne-Marie"]);
  });
});

describe("ordering operators and dates", () => {
  it("compares dates given in ISO-8601 or Workfront's format", () => {
    expect(match("lastLoginDate=2024-01-01T00:00:00.000Z&lastLoginDate_Mod=gte")).toEqual([
      "Avery",
      "Workfront",
      "Jürgen",
      "Anne-Marie",
    ]);
    expect(match("lastLoginDate=2023-07-07T00:00:00:000-0700&lastLoginDate_Mod=lte")).toEqual([
      "zoë",
      "花子",
    ]);
    expect(match("lastLoginDate=2022-05-05&lastLoginDate_Mod=lt")).toEqual([]);
    expect(match("lastLoginDate=2022-05-05&lastLoginDate_Mod=gt")).not.toContain("zoë");
  });

  it("treats date equality as the whole tenant day", () => {
    // Jürgen logged in at 23:30 on Jan 31 (tenant time); the others at 10:00.
    expect(match("lastLoginDate=2024-01-31")).toEqual(["Avery", "Workfront", "Jürgen"]);
    expect(match("lastLoginDate=2024-01-31T10:00:00:000-0700&lastLoginDate_Mod=exacttime")).toEqual([
      "Avery",
      "Workfront",
    ]);
  });

  it("supports between and notbetween with _Range (which defaults the modifier to between)", () => {
    const range = "lastLoginDate=2023-01-01&lastLoginDate_Range=2024-01-01";
    expect(match(`${range}&lastLoginDate_Mod=between`)).toEqual(["花子"]);
    expect(match(range)).toEqual(["花子"]);
    expect(match(`${range}&lastLoginDate_Mod=notbetween`)).toEqual([
      "Avery",
      "Workfront",
      "Jürgen",
      "zoë",
      "Anne-Marie",
    ]);
    expect(failure("lastLoginDate=2023-01-01&lastLoginDate_Mod=between").message).toContain("_Range");
  });

  it("understands $$TODAY with offsets and $$NOW", () => {
    // The fixture's now is 2024-02-01 12:00 tenant time.
    expect(match("lastLoginDate=$$TODAY-1d&lastLoginDate_Mod=gte")).toEqual([
      "Avery",
      "Workfront",
      "Jürgen",
      "Anne-Marie",
    ]);
    expect(match("scheduleDeactivationDate=$$NOW&scheduleDeactivationDate_Mod=gt")).toEqual(["Anne-Marie"]);
  });

  it("refuses a date it cannot read", () => {
    expect(failure("lastLoginDate=yesterday&lastLoginDate_Mod=gt").message).toContain("lastLoginDate");
  });
});

describe("references, groups and special parameters", () => {
  it("filters through references", () => {
    expect(match("accessLevel:isAdmin=true")).toEqual(["Avery", "Workfront"]);
    expect(match("homeGroup:name=Marketing")).toEqual(["Siobhán", "Anne-Marie"]);
    expect(match("manager:name=Avery Admin")).toEqual(["Jürgen"]);
  });

  it("ORs each OR:n: group with the base set, ANDing inside a group", () => {
    const search = "isActive=false&OR:1:lastName=adams&OR:2:homeGroup:name=Marketing&OR:2:isActive=true";
    expect(match(search)).toEqual(["Siobhán", "zoë", "Anne-Marie"]);
    expect(match("OR:1:lastName=adams&OR:2:lastName=Dubois")).toEqual(["zoë", "Anne-Marie"]);
  });

  it("reads filters= JSON, while username= is a credential and never filters", () => {
    expect(match("username=user4@acme.example")).toHaveLength(7);
    expect(match(`filters=${encodeURIComponent('{"username":"user4@acme.example"}')}`)).toEqual(["zoë"]);
    expect(match(`filters=${encodeURIComponent('{"title":["designer","API"],"title_Mod":"in"}')}`)).toEqual([
      "Workfront",
      "zoë",
    ]);
  });

  it("replaces $$USER with the caller's ID", () => {
    expect(match("ID=$$USER", 4)).toEqual(["zoë"]);
    expect(match("homeGroupID=$$USER.homeGroupID", 3)).toEqual(["Siobhán", "Anne-Marie"]);
  });

  it("names an unknown field, on the object that lacks it", () => {
    expect(failure("pageSize=1").message).toBe("APIModel V21_0 does not support field pageSize (User)");
    expect(failure("accessLevel:colour=red").message).toBe(
      "APIModel V21_0 does not support field colour (AccessLevel)",
    );
    expect(failure("pageSize=1").status).toBe(400);
  });

  it("refuses an unknown modifier", () => {
    expect(failure("name=x&name_Mod=soundex").message).toContain("soundex");
  });

  it("counts with the same filters, ignoring paging", () => {
    const env = fixtureEnv();
    expect(countRows(env, env.store.tables.USER, q("isActive=true&$$LIMIT=1"))).toBe(6);
    expect(countRows(env, env.store.tables.USER, q(""))).toBe(7);
  });
});
