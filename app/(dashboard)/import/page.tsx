import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { can } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { bulkRules } from "@/lib/jobs/config";
import { ImportView } from "./_components/import-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("bulk.page");
  return { title: t("metaTitle") };
}

/** Import: a leavers list (CSV or pasted) matched on the server, previewed, then run as one job. */
export default async function ImportPage() {
  const user = await requirePageUser();
  const t = await getTranslations("bulk.page");
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("intro")}</p>
      </div>
      {can(user.role, "runBulkJobs") ? (
        <ImportView role={user.role} rules={bulkRules()} />
      ) : (
        <Alert>
          <AlertTitle>{t("forbidden.title")}</AlertTitle>
          <AlertDescription>{t("forbidden.hint")}</AlertDescription>
        </Alert>
      )}
    </div>
  );
}
