import { describe, expect, it } from "vitest";
import { WfError } from "../core/errors";
import { USER_DEF } from "../model/schema";
import { fixtureEnv, id, q } from "../test/fixture-tenant";
import { compileProjection } from "./projection";

function shape(fields: string, userNumber = 2): Record<string, unknown> {
  const env = fixtureEnv();
  const row = env.store.user(id(userNumber));
  if (!row) throw new Error("fixture user missing");
  return compileProjection(env.store, USER_DEF, q(fields), "V21_0").shape(row);
}

function failure(fields: string): WfError {
  try {
    shape(fields);
  } catch (error) {
    if (error instanceof WfError) return error;
    throw error;
  }
  throw new Error("expected a WfError");
}

describe("fields", () => {
  it("answers the default subset without fields", () => {
    expect(Object.keys(shape(""))).toEqual([
      "ID",
      "name",
      "objCode",
      "emailAddr",
      "username",
      "title",
      "isActive",
      "licenseType",
      "accessLevelID",
      "homeGroupID",
    ]);
  });

  it("answers exactly ID, name, objCode and the named fields when fields is given", () => {
    expect(shape("fields=isActive")).toEqual({
      ID: id(2),
      name: "Jürgen Müller",
      objCode: "USER",
      isActive: true,
    });
    expect(Object.keys(shape("fields=title,ID&fields=lastName"))).toEqual([
      "ID",
      "name",
      "objCode",
      "title",
      "lastName",
    ]);
  });

  it("expands * to every direct field, formatting dates the Workfront way", () => {
    const all = shape("fields=*");
    expect(Object.keys(all)).toEqual([...USER_DEF.fields.keys()]);
    expect(all.lastLoginDate).toBe("2024-01-31T23:30:00:000-0700");
    expect(all.scheduleDeactivationDate).toBeNull();
  });

  it("gives a reference as {ID,name,objCode}, with more through ref:field and ref:*", () => {
    expect(shape("fields=accessLevel").accessLevel).toEqual({
      ID: id(2, "d"),
      name: "Worker",
      objCode: "ACSLVL",
    });
    expect(shape("fields=accessLevel:isAdmin").accessLevel).toEqual({
      ID: id(2, "d"),
      name: "Worker",
      objCode: "ACSLVL",
      isAdmin: false,
    });
    expect(Object.keys(shape("fields=accessLevel:*").accessLevel as object)).toContain("licenseType");
    expect(shape("fields=manager:accessLevel:isAdmin").manager).toEqual({
      ID: id(0),
      name: "Avery Admin",
      objCode: "USER",
      accessLevel: { ID: id(1, "d"), name: "System Administrator", objCode: "ACSLVL", isAdmin: true },
    });
  });

  it("answers null for an empty reference", () => {
    expect(shape("fields=manager,company", 4)).toMatchObject({ manager: null, company: null });
  });

  it("names an unknown field, case-sensitively", () => {
    expect(failure("fields=isactive").message).toBe("APIModel V21_0 does not support field isactive (User)");
    expect(failure("fields=homeGroup:colour").message).toBe(
      "APIModel V21_0 does not support field colour (Group)",
    );
  });
});
