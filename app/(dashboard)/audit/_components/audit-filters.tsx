import Link from "next/link";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, actionLabels, outcomeLabels } from "@/lib/audit/vocabulary";

interface AuditFiltersProps {
  values: Record<string, string>;
  csvHref: string;
  pageSizes: readonly number[];
}

const labelClass = "text-xs font-medium text-muted-foreground";

/** A plain GET form: no JavaScript needed, and the resulting view is a shareable URL. */
export function AuditFilters({ values, csvHref, pageSizes }: AuditFiltersProps) {
  return (
    <form method="get" action="/audit" aria-label="Filter the audit log" className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1">
        <span className={labelClass}>Actor e-mail</span>
        <Input name="actor" defaultValue={values.actor} className="w-48" />
      </label>
      <label className="flex flex-col gap-1">
        <span className={labelClass}>User (name, e-mail or ID)</span>
        <Input name="target" defaultValue={values.target} className="w-56" />
      </label>
      <label className="flex flex-col gap-1">
        <span className={labelClass}>Action</span>
        <NativeSelect name="action" defaultValue={values.action ?? ""} className="h-9">
          <option value="">Any</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {actionLabels[action]}
            </option>
          ))}
        </NativeSelect>
      </label>
      <label className="flex flex-col gap-1">
        <span className={labelClass}>Outcome</span>
        <NativeSelect name="outcome" defaultValue={values.outcome ?? ""} className="h-9">
          <option value="">Any</option>
          {AUDIT_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {outcomeLabels[outcome]}
            </option>
          ))}
        </NativeSelect>
      </label>
      <label className="flex flex-col gap-1">
        <span className={labelClass}>From</span>
        <Input type="date" name="from" defaultValue={values.from} className="w-40" />
      </label>
      <label className="flex flex-col gap-1">
        <span className={labelClass}>To</span>
        <Input type="date" name="to" defaultValue={values.to} className="w-40" />
      </label>
      <label className="flex flex-col gap-1">
        <span className={labelClass}>Rows</span>
        <NativeSelect name="pageSize" defaultValue={values.pageSize ?? "25"} className="h-9">
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </NativeSelect>
      </label>
      <div className="flex gap-2">
        <Button type="submit">Apply</Button>
        <Link href="/audit" className={buttonVariants({ variant: "ghost" })}>
          Clear
        </Link>
        <a href={csvHref} className={buttonVariants({ variant: "outline" })} download>
          Export CSV
        </a>
      </div>
    </form>
  );
}
