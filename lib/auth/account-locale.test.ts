import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { accounts } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import { createAccount, findAccountById, setAccountLocale } from "./accounts";

withTestDatabase("account language", ({ db }) => {
  it("is unset for a new account, then remembers the choice and can forget it", async () => {
    const account = await createAccount(db(), { email: "lena@example.com", role: "viewer", password: "a long enough secret" });
    expect(account.locale).toBeNull();
    await setAccountLocale(db(), account.id, "de");
    expect((await findAccountById(db(), account.id))?.locale).toBe("de");
    await setAccountLocale(db(), account.id, null);
    expect((await findAccountById(db(), account.id))?.locale).toBeNull();
  });

  it("is refused by the database when it is not a language the dashboard speaks", async () => {
    const account = await createAccount(db(), { email: "max@example.com", role: "viewer", password: "a long enough secret" });
    // Drizzle wraps the driver's error; the constraint's name is in its cause.
    const error: unknown = await db()
      .execute(sql`update accounts set locale = 'fr' where id = ${account.id}`)
      .then(() => null, (failure: unknown) => failure);
    expect(String((error as Error | null)?.cause)).toMatch(/accounts_locale_known/);
    const [row] = await db().select().from(accounts).where(eq(accounts.id, account.id));
    expect(row?.locale).toBeNull();
  });
});
