import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { Toaster } from "@/components/ui/sonner";
import { can } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { ConnectionNoticeProvider } from "./_components/connection-notice";
import { appConnectionStatus } from "@/lib/connection/http";
import { ConnectionBanner } from "./settings/_components/connection-banner";
import { DashboardNav } from "./_components/dashboard-nav";
import { OverdueBanner } from "./_components/overdue-banner";
import { getDb } from "@/lib/db";
import { countOverdue } from "@/lib/schedule/store";
import { SignOutButton } from "./_components/sign-out-button";

/**
 * The signed-in shell. The session is checked here so no dashboard page renders for a stranger;
 * pages check again themselves, because a layout is not re-run on client-side navigation.
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  // One small read per page render; the banner says when Workfront cannot be used, on every page.
  const [connection, overdue] = await Promise.all([appConnectionStatus(), getDb().then(countOverdue)]);
  const t = await getTranslations("common");
  return (
    <>
      <a
        href="#content"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-background focus:px-3 focus:py-2 focus:ring-2 focus:ring-ring"
      >
        {t("header.skipToContent")}
      </a>
      <header className="border-b">
        {/* On a phone the header wraps: the sections go to a row of their own, under the name and the controls. */}
        <div className="mx-auto flex min-h-14 max-w-[96rem] flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2">
          <Link href="/users" className="font-semibold tracking-tight whitespace-nowrap focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
            {t("appName")}
          </Link>
          <DashboardNav role={user.role} />
          <div className="ml-auto flex items-center gap-3 text-sm sm:order-last">
            <span className="hidden text-right sm:block">
              <span className="block leading-tight">{user.email}</span>
              <span className="block text-xs leading-tight text-muted-foreground">{t(`roles.${user.role}`)}</span>
            </span>
            <LocaleSwitcher />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="content" className="mx-auto max-w-[96rem] space-y-4 px-4 py-6">
        <ConnectionBanner status={connection} isAdmin={can(user.role, "manageSettings")} />
        <OverdueBanner count={overdue} />
        <ConnectionNoticeProvider notice={!connection.connection ? "notConnected" : connection.connection.state === "reconnect" ? "reconnect" : null}>
          <div>{children}</div>
        </ConnectionNoticeProvider>
      </main>
      <Toaster />
    </>
  );
}
