import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { ScheduledView } from "./_components/scheduled-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("schedule.view");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

/** Scheduled deactivations (issue 17), soonest first; the client keeps the list and countdowns current. */
export default async function ScheduledPage() {
  const user = await requirePageUser();
  const t = await getTranslations("schedule.view");
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
      </div>
      <ScheduledView mayChange={hasRole(user.role, "operator")} />
    </div>
  );
}
