import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { appConnectionStatus } from "@/lib/connection/http";
import { listAccounts } from "@/lib/admin/accounts";
import { recentAdminEvents } from "@/lib/admin/admin-log";
import { listProtectedPeople } from "@/lib/admin/protected-people";
import { listApiTokens } from "@/lib/api-tokens/store";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AccountsCard } from "./_components/accounts-card";
import { AdminLogCard } from "./_components/admin-log-card";
import { ProtectedCard } from "./_components/protected-card";
import { SessionsCard } from "./_components/sessions-card";
import { TokensCard } from "./_components/tokens-card";
import { WorkfrontSettings } from "./_components/workfront-settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.page");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

/** Admins only: the Workfront connection, accounts, the protected list, the admin log. Everyone else is told why they cannot see it. */
export default async function SettingsPage() {
  // Checked here too: the layout is not re-run when the client navigates between pages.
  const user = await requirePageUser();
  const t = await getTranslations("settings.page");
  if (!can(user.role, "manageSettings")) {
    return (
      <div className="max-w-2xl space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p role="alert" className="text-sm">
          {t("adminOnly")}
        </p>
      </div>
    );
  }
  const db = await getDb();
  return (
    <div className="max-w-4xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("intro")}</p>
      </div>
      <WorkfrontSettings initialStatus={await appConnectionStatus()} />
      <SessionsCard />
      <AccountsCard accounts={await listAccounts(db)} self={user.email} />
      <ProtectedCard locked={env().PROTECTED_USERS} people={await listProtectedPeople(db)} />
      <TokensCard tokens={await listApiTokens(db)} now={new Date().toISOString()} />
      <AdminLogCard events={await recentAdminEvents(db)} />
    </div>
  );
}
