import { LoaderCircleIcon } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { ErrorMessage } from "@/components/error-message";
import type { OpenWorkPerson } from "@/lib/client/open-work";
import { IMPACT_CATEGORIES, type ImpactCategoryKey } from "@/lib/offboarding/impact/types";

export type OpenWorkState =
  | { status: "pending" }
  | { status: "failed"; error: unknown }
  | { status: "done"; people: OpenWorkPerson[] };

/** How many people hold open work, and how many are blocked by it. */
export function openWorkTotals(people: readonly OpenWorkPerson[]) {
  return {
    withWork: people.filter((person) => person.counts.total > 0 || person.blocking.length > 0).length,
    blocked: people.filter((person) => person.blocking.length > 0).length,
  };
}

function PersonWork({ person, name }: { person: OpenWorkPerson; name: string }) {
  const t = useTranslations("statusChange.openWork");
  const categories = useTranslations("person.impact.categories");
  const format = useFormatter();
  const blocking = new Map<ImpactCategoryKey, number | null>(person.blocking.map((entry) => [entry.key, entry.count]));
  const shown = IMPACT_CATEGORIES.filter((key) => (person.counts.counts[key] ?? 0) > 0 || blocking.has(key));
  return (
    <li className="p-2" data-blocked={person.blocking.length > 0 || undefined}>
      <Link href={`/users/${person.userId}`} className="font-medium underline-offset-4 hover:underline" title={t("reassignFirst")}>
        {name}
      </Link>
      <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs">
        {shown.map((key) => {
          const count = blocking.has(key) ? blocking.get(key) : person.counts.counts[key];
          const label = categories(key);
          return (
            <li key={key} className={blocking.has(key) ? "font-medium text-destructive" : "text-muted-foreground"}>
              {count === null || count === undefined
                ? t("unknownCount", { label, unknown: t("unknown") })
                : t("count", { label, count: format.number(count, "integer") })}
              {blocking.has(key) ? ` (${t("blocks")})` : null}
            </li>
          );
        })}
      </ul>
    </li>
  );
}

/**
 * The gate in the confirm dialog (issue 16): each person's open work by category, blocked people
 * first, each linking to their page to reassign it. Non-blocking work is a warning only.
 */
export function OpenWorkPanel({ state, names }: { state: OpenWorkState; names: ReadonlyMap<string, string> }) {
  const t = useTranslations("statusChange.openWork");
  if (state.status === "pending") {
    return (
      <p aria-live="polite" className="flex items-center gap-2 text-sm text-muted-foreground">
        <LoaderCircleIcon className="size-4 animate-spin" aria-hidden />
        {t("checking")}
      </p>
    );
  }
  if (state.status === "failed") {
    return (
      <Alert>
        <AlertTitle>{t("failed")}</AlertTitle>
        <AlertDescription>
          <ErrorMessage error={state.error} />
        </AlertDescription>
      </Alert>
    );
  }
  const { withWork, blocked } = openWorkTotals(state.people);
  const listed = state.people
    .filter((person) => person.counts.total > 0 || person.blocking.length > 0)
    .sort((a, b) => b.blocking.length - a.blocking.length || b.counts.total - a.counts.total);
  return (
    <section aria-label={t("heading")} className="grid gap-2 rounded-md border p-3 text-sm" data-testid="open-work">
      <p aria-live="polite" className="font-medium">
        {t("summary", { people: withWork, blocked })}
      </p>
      {listed.length > 0 ? (
        <ul aria-label={t("list")} tabIndex={0} className="max-h-48 divide-y overflow-y-auto rounded-md border bg-background focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
          {listed.map((person) => (
            <PersonWork key={person.userId} person={person} name={names.get(person.userId) ?? person.userId} />
          ))}
        </ul>
      ) : null}
      {withWork > blocked ? <p className="text-xs text-muted-foreground">{t("warning")}</p> : null}
    </section>
  );
}
