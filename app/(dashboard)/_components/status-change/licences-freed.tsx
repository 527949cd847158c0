import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import type { Person } from "@/lib/client/people";

interface LicenceCount {
  /** The licence type's name; null for people without a licence type. */
  label: string | null;
  count: number;
}

/** Licences a deactivation frees, by type. People whose licence is unknown here are left out. */
export function countLicences(people: Person[]): LicenceCount[] {
  const counts = new Map<string | null, number>();
  for (const person of people) {
    if (person.licenseTypeLabel === undefined) continue;
    const label = person.licenseTypeLabel ?? person.licenseType ?? null;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, count]) => ({ label, count }));
}

/** "Licences freed: Plan 3, Review 2" — what the organisation gets back from a deactivation; most first. */
export function LicencesFreed({ licences }: { licences: LicenceCount[] }) {
  const t = useTranslations("statusChange.licences");
  const locale = useLocale();
  const format = useFormatter();
  const labelId = useId();
  if (licences.length === 0) return null;
  const collator = new Intl.Collator(locale, { sensitivity: "base" });
  const named = licences.map(({ label, count }) => ({ label: label ?? t("unknownType"), count }));
  named.sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));
  return (
    <div className="text-sm">
      <p id={labelId} className="font-medium">
        {t("title")}
      </p>
      <ul aria-labelledby={labelId} className="mt-1 flex flex-wrap gap-2">
        {named.map(({ label, count }) => (
          <li key={label} className="rounded-md border px-2 py-0.5">
            {label}: <span className="font-medium tabular-nums">{format.number(count)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
