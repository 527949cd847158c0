import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { licencesFreedByJob } from "@/lib/jobs/licences-freed";
import { appDeps } from "@/lib/offboarding/deps";
import { displayLicenceLabels } from "@/lib/offboarding/licence-labels";
import { indexState, tenantOf } from "@/lib/user-index";
import { LICENCE_GROUP_LIMIT, licenceCounts, licenceCountsByGroup } from "@/lib/user-index/licences";
import { LicencesByGroup } from "./_components/licences-by-group";
import { LicencesByType } from "./_components/licences-by-type";
import { LicencesFreedByJob } from "./_components/licences-freed-by-job";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("licences");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

/**
 * Licences in use (active people per licence type, and per home group) from the users index, and
 * the licences each deactivation job freed: a server page, no client code.
 */
export default async function LicencesPage() {
  await requirePageUser();
  const t = await getTranslations("licences");
  const format = await getFormatter();
  const deps = await appDeps();
  const tenant = tenantOf(deps.client);
  const [state, jobs, labels] = await Promise.all([indexState(deps.db, tenant), licencesFreedByJob(deps.db), displayLicenceLabels(deps.client)]);
  const label = (code: string | null) => (code ? (labels.get(code) ?? code) : t("byType.none"));
  const [byType, byGroup] = state ? await Promise.all([licenceCounts(deps.db, tenant), licenceCountsByGroup(deps.db, tenant)]) : [[], []];
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("intro")}</p>
        {state ? (
          <p className="text-sm text-muted-foreground">{t("updated", { when: format.dateTime(state.refreshedAt, "dateTime") })}</p>
        ) : (
          <p role="status" className="text-sm">
            {t("notReady")}
          </p>
        )}
      </div>
      {state ? <LicencesByType rows={byType.map((row) => ({ ...row, label: label(row.licenseType) }))} /> : null}
      {state ? <LicencesByGroup rows={byGroup.map((row) => ({ ...row, label: label(row.licenseType) }))} limit={LICENCE_GROUP_LIMIT} /> : null}
      <LicencesFreedByJob jobs={jobs.map((job) => ({ ...job, freed: job.freed.map((entry) => ({ ...entry, label: label(entry.licenseType) })) }))} />
    </div>
  );
}
