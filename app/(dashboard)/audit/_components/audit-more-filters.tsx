import Link from "next/link";
import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";

/** The audit log's filters for HR's questions: one job's rows, a ticket, words of the reason. */
export function AuditMoreFilters({ values, labelClass }: { values: Record<string, string>; labelClass: string }) {
  const t = useTranslations("reports.auditFilters");
  return (
    <>
      <label className="flex flex-col gap-1">
        <span className={labelClass}>{t("job")}</span>
        <Input name="job" defaultValue={values.job} className="w-72 font-mono" />
      </label>
      <label className="flex flex-col gap-1">
        <span className={labelClass}>{t("ticket")}</span>
        <Input name="ticket" defaultValue={values.ticket} className="w-32" />
      </label>
      <label className="flex flex-col gap-1">
        <span className={labelClass}>{t("reason")}</span>
        <Input name="reason" defaultValue={values.reason} className="w-48" />
      </label>
    </>
  );
}

/** A row written by a bulk job links to the job. */
export function JobLink({ jobId }: { jobId: string | null }) {
  const t = useTranslations("reports.auditFilters");
  if (!jobId) return null;
  return (
    <Link
      href={`/jobs/${jobId}`}
      aria-label={t("jobLinkLabel", { id: jobId })}
      className="mt-1 block text-xs underline underline-offset-4 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
    >
      {t("jobLink")}
    </Link>
  );
}
