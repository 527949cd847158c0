import { useTranslations } from "next-intl";
import { useId } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import type { Person } from "@/lib/client/people";

interface SystemAdminsFieldProps {
  id: string;
  /** The System Administrators of a bulk run, listed apart from everyone else. */
  admins: Person[];
  /** The admin role may include them; for other roles they are only named (the server refuses them). */
  mayInclude: boolean;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/**
 * System Administrators never go out with a bulk run unannounced: they are counted and named
 * apart, and stay out of the run unless the admin ticks the box (the job then records the choice).
 */
export function SystemAdminsField({ id, admins, mayInclude, checked, onChange }: SystemAdminsFieldProps) {
  const t = useTranslations("statusChange.systemAdmins");
  const whyId = useId();
  return (
    <div role="group" aria-labelledby={whyId} className="grid gap-2 rounded-md border border-destructive/50 p-3 text-sm">
      <p id={whyId}>
        <span className="font-medium">{t("title", { count: admins.length })}</span> {mayInclude ? t("leftOut") : t("refused")}
      </p>
      <ul aria-label={t("list")} tabIndex={0} className="max-h-28 divide-y overflow-y-auto rounded-md border bg-background focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
        {admins.map((admin) => (
          <li key={admin.id} className="px-2 py-1">
            <span className="font-medium">{admin.name}</span> <span className="break-all text-muted-foreground">{admin.email ?? ""}</span>
          </li>
        ))}
      </ul>
      {mayInclude ? (
        <label htmlFor={id} className="flex items-start gap-2 font-medium">
          <Checkbox id={id} checked={checked} className="mt-0.5" onChange={(event) => onChange(event.target.checked)} />
          {t("include", { count: admins.length })}
        </label>
      ) : null}
    </div>
  );
}

/** One person who is a System Administrator, changed on their own: said plainly, nothing to tick. */
export function SystemAdminNote() {
  const t = useTranslations("statusChange.systemAdmins");
  return <p className="rounded-md border border-destructive/50 p-3 text-sm font-medium">{t("single")}</p>;
}
