import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { accounts, jobs } from "@/lib/db";
import { insertJob } from "@/lib/jobs/create-job";
import { withTestDatabase } from "@/lib/db/test-databases";
import {
  AccountError,
  DEMO_ACCOUNTS,
  type NewAccount,
  createAccount,
  ensureDemoAccounts,
  findAccountByEmail,
  findAccountById,
  updateAccount,
  verifyCredentials,
} from "./accounts";

const PASSWORD = "a long enough secret";

withTestDatabase("accounts", ({ db }) => {
  it("creates an account with a lower-case e-mail and no hash in what it returns", async () => {
    const account = await createAccount(db(), {
      email: " Ada@Example.COM ",
      name: "Ada",
      role: "operator",
      password: PASSWORD,
    });
    expect(account).toMatchObject({
      email: "ada@example.com",
      name: "Ada",
      role: "operator",
      disabled: false,
      hasPassword: true,
    });
    expect(account).not.toHaveProperty("passwordHash");
    expect(await findAccountByEmail(db(), "ADA@example.com")).toMatchObject({ id: account.id });
    expect(await findAccountById(db(), account.id)).toMatchObject({ email: "ada@example.com" });
    const [row] = await db().select().from(accounts).where(eq(accounts.id, account.id));
    expect(row?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it("refuses a taken e-mail, whatever its case", async () => {
    await createAccount(db(), { email: "grace@example.com", role: "viewer", password: PASSWORD });
    const again = createAccount(db(), { email: "GRACE@example.com", role: "admin", password: PASSWORD });
    await expect(again).rejects.toMatchObject({ code: "email_taken" });
    await expect(again).rejects.toBeInstanceOf(AccountError);
  });

  it("refuses an invalid e-mail, a short password and an unknown role", async () => {
    await expect(
      createAccount(db(), { email: "not-an-email", role: "viewer", password: PASSWORD }),
    ).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringContaining("email"),
    });
    await expect(
      createAccount(db(), { email: "short@example.com", role: "viewer", password: "elevenchars" }),
    ).rejects.toThrow(/at least 12 characters/);
    // The role is checked at run time too, whatever the caller's types say.
    const root = { email: "role@example.com", role: "root", password: PASSWORD } as unknown as NewAccount;
    await expect(createAccount(db(), root)).rejects.toMatchObject({ code: "invalid" });
  });

  it("finds nothing for unknown e-mails and for IDs that are not UUIDs", async () => {
    expect(await findAccountByEmail(db(), "nobody@example.com")).toBeNull();
    expect(await findAccountById(db(), "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await findAccountById(db(), "'; drop table accounts; --")).toBeNull();
  });

  it("verifies credentials and records the sign-in time", async () => {
    const created = await createAccount(db(), {
      email: "linus@example.com",
      role: "admin",
      password: PASSWORD,
    });
    expect(created.lastLoginAt).toBeNull();
    const signedIn = await verifyCredentials(db(), "Linus@Example.com", PASSWORD);
    expect(signedIn).toMatchObject({ id: created.id, role: "admin" });
    expect(signedIn?.lastLoginAt).toBeInstanceOf(Date);
    expect(await verifyCredentials(db(), "linus@example.com", `${PASSWORD}!`)).toBeNull();
    expect(await verifyCredentials(db(), "unknown@example.com", PASSWORD)).toBeNull();
  });

  it("refuses disabled accounts and accounts without a password", async () => {
    const created = await createAccount(db(), {
      email: "ken@example.com",
      role: "operator",
      password: PASSWORD,
    });
    await db().update(accounts).set({ disabled: true }).where(eq(accounts.id, created.id));
    expect(await verifyCredentials(db(), "ken@example.com", PASSWORD)).toBeNull();
    await db().insert(accounts).values({ email: "sso@example.com", role: "viewer" });
    expect(await verifyCredentials(db(), "sso@example.com", "")).toBeNull();
  });

  it("the database refuses a mixed-case e-mail or an unknown role written around the helpers", async () => {
    await expect(
      db().insert(accounts).values({ email: "Mixed@example.com", role: "viewer" }),
    ).rejects.toThrow();
    // @ts-expect-error: deliberately bypassing the type
    await expect(db().insert(accounts).values({ email: "x@example.com", role: "root" })).rejects.toThrow();
  });

  it("changes an account's role, status and password by e-mail, and nothing else", async () => {
    const created = await createAccount(db(), { email: "lea@example.com", name: "Lea", role: "operator", password: PASSWORD });
    expect(await updateAccount(db(), " LEA@example.com ", { role: "viewer" })).toMatchObject({ id: created.id, role: "viewer", disabled: false, name: "Lea" });
    expect(await updateAccount(db(), "lea@example.com", { disabled: true })).toMatchObject({ role: "viewer", disabled: true });
    expect(await verifyCredentials(db(), "lea@example.com", PASSWORD)).toBeNull();
    await updateAccount(db(), "lea@example.com", { disabled: false, password: "another long secret" });
    expect(await verifyCredentials(db(), "lea@example.com", PASSWORD)).toBeNull();
    expect(await verifyCredentials(db(), "lea@example.com", "another long secret")).toMatchObject({ id: created.id });
    expect(await updateAccount(db(), "nobody@example.com", { disabled: true })).toBeNull();
  });

  it("disabling an account pauses its unfinished bulk jobs for an admin, and leaves others' alone", async () => {
    const starter = await createAccount(db(), { email: "starter@example.com", role: "operator", password: PASSWORD });
    const other = await createAccount(db(), { email: "other@example.com", role: "operator", password: PASSWORD });
    const actor = (account: typeof starter) => ({ accountId: account.id, email: account.email, role: account.role, requestId: "r", clientIp: null });
    const job = (account: typeof starter) =>
      insertJob(db(), { kind: "deactivate", targets: [{ id: "a".repeat(32) }], reason: "Left", ticket: null, actor: actor(account) });
    const [mine, theirs] = [await job(starter), await job(other)];
    await updateAccount(db(), "starter@example.com", { disabled: true });
    const status = async (id: string) => (await db().select().from(jobs).where(eq(jobs.id, id)))[0]?.status;
    expect([await status(mine), await status(theirs)]).toEqual(["paused_creator", "queued"]);
  });

  it("refuses an account change that is empty, an unknown role or a short password, changing nothing", async () => {
    await createAccount(db(), { email: "max@example.com", role: "admin", password: PASSWORD });
    for (const change of [{}, { role: "root" }, { password: "short" }]) {
      await expect(updateAccount(db(), "max@example.com", change as never)).rejects.toMatchObject({ code: "invalid" });
    }
    expect(await findAccountByEmail(db(), "max@example.com")).toMatchObject({ role: "admin", disabled: false });
    expect(await verifyCredentials(db(), "max@example.com", PASSWORD)).not.toBeNull();
  });

  it("creates the three demo accounts once and can sign them in", async () => {
    const first = await ensureDemoAccounts(db());
    expect(first.map((account) => [account.email, account.role, account.created])).toEqual([
      ["admin@demo.local", "admin", true],
      ["operator@demo.local", "operator", true],
      ["viewer@demo.local", "viewer", true],
    ]);
    const again = await ensureDemoAccounts(db());
    expect(again.every((account) => !account.created)).toBe(true);
    for (const demo of DEMO_ACCOUNTS) {
      expect(await verifyCredentials(db(), demo.email, demo.password)).toMatchObject({ role: demo.role });
    }
  });
});
