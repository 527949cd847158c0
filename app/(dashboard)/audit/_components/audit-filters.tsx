import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button, buttonVariants } from "@/components/ui/button";
import { DateField } from "@/components/ui/date-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "@/lib/audit/vocabulary";
import { AuditMoreFilters } from "./audit-more-filters";

interface AuditFiltersProps {
  values: Record<string, string>;
  csvHref: string;
  pageSizes: readonly number[];
}

const labelClass = "text-xs font-medium text-muted-foreground";

/** A plain GET form: no JavaScript needed, and the resulting view is a shareable URL. */
export function AuditFilters({ values, csvHref, pageSizes }: AuditFiltersProps) {
  const t = useTranslations("audit");
  const common = useTranslations("common");
  return (
    <form method="get" action="/audit" aria-label={t("filters.label")} className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1">
        <span className={labelClass}>{t("filters.actor")}</span>
        <Input name="actor" defaultValue={values.actor} className="w-48" />
      </label>
      <label className="flex flex-col gap-1">
        <span className={labelClass}>{t("filters.target")}</span>
        <Input name="target" defaultValue={values.target} className="w-56" />
      </label>
      <AuditMoreFilters values={values} labelClass={labelClass} />
      <label className="flex flex-col gap-1">
        <span className={labelClass}>{t("filters.action")}</span>
        <NativeSelect name="action" defaultValue={values.action ?? ""} className="h-9">
          <option value="">{t("filters.any")}</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {t(`actions.${action}`)}
            </option>
          ))}
        </NativeSelect>
      </label>
      <label className="flex flex-col gap-1">
        <span className={labelClass}>{t("filters.outcome")}</span>
        <NativeSelect name="outcome" defaultValue={values.outcome ?? ""} className="h-9">
          <option value="">{t("filters.any")}</option>
          {AUDIT_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`outcomes.${outcome}`)}
            </option>
          ))}
        </NativeSelect>
      </label>
      {/* Days in the UI's language (not the browser's); the field's hint and button stay out of the label. */}
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-from" className={labelClass}>
          {t("filters.from")}
        </label>
        <DateField id="audit-from" name="from" defaultValue={values.from} className="w-40" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-to" className={labelClass}>
          {t("filters.to")}
        </label>
        <DateField id="audit-to" name="to" defaultValue={values.to} className="w-40" />
      </div>
      <label className="flex flex-col gap-1">
        <span className={labelClass}>{t("filters.rows")}</span>
        <NativeSelect name="pageSize" defaultValue={values.pageSize ?? "25"} className="h-9">
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </NativeSelect>
      </label>
      <div className="flex gap-2">
        <Button type="submit">{common("actions.apply")}</Button>
        <Link href="/audit" className={buttonVariants({ variant: "ghost" })}>
          {common("actions.clear")}
        </Link>
        <a href={csvHref} className={buttonVariants({ variant: "outline" })} download>
          {t("filters.export")}
        </a>
      </div>
    </form>
  );
}
