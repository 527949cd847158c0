import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { Person } from "@/lib/client/people";

function PersonSummary({ person }: { person: Person }) {
  const t = useTranslations("statusChange.affected");
  return (
    <>
      <span className="block font-medium">{person.name}</span>
      <span className="block break-all text-muted-foreground">{person.email ?? t("noEmail")}</span>
      {person.licenseTypeLabel === undefined ? null : (
        <span className="block text-muted-foreground">{t("licence", { licence: person.licenseTypeLabel ?? t("noLicence") })}</span>
      )}
    </>
  );
}

/**
 * Names everyone a confirmation will change, so nobody confirms the wrong person. `total` is more
 * than `people.length` when only some are named (the undo of a very large job). Sorted by name as
 * the reader's language sorts (in German, Ä with A).
 */
export function AffectedUsers({ people, total = people.length }: { people: Person[]; total?: number }) {
  const t = useTranslations("statusChange.affected");
  const locale = useLocale();
  const sorted = useMemo(() => {
    const collator = new Intl.Collator(locale, { sensitivity: "base" });
    return [...people].sort((a, b) => collator.compare(a.name, b.name));
  }, [people, locale]);
  const [only] = people;
  if (total === 1 && only) {
    return (
      <div className="rounded-md border bg-muted/40 p-3 text-sm" aria-label={t("one")} role="group">
        <PersonSummary person={only} />
      </div>
    );
  }
  return (
    // Focusable so keyboard users can scroll a long list.
    <ul aria-label={t("many")} tabIndex={0} className="max-h-56 divide-y overflow-y-auto rounded-md border text-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
      {sorted.map((person) => (
        <li key={person.id} className="p-3">
          <PersonSummary person={person} />
        </li>
      ))}
      {total > people.length ? <li className="p-3 text-muted-foreground">{t("more", { count: total - people.length })}</li> : null}
    </ul>
  );
}
