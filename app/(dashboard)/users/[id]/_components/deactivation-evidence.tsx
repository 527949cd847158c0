import { getFormatter, getTranslations } from "next-intl/server";
import { IMPACT_CATEGORIES, type OpenWorkEvidence } from "@/lib/offboarding/impact/types";

/**
 * A deactivated person's evidence (issue 16): the impact check the deactivation kept in its
 * audit row (after a reassignment, what was left), and an admin's override of blocking work.
 */
export async function DeactivationEvidence({ evidence, by }: { evidence: OpenWorkEvidence; by: string }) {
  const [t, audit, categories, format] = await Promise.all([
    getTranslations("person.page"),
    getTranslations("audit.table"),
    getTranslations("person.impact.categories"),
    getFormatter(),
  ]);
  const held = IMPACT_CATEGORIES.filter((key) => (evidence.counts[key] ?? 0) > 0);
  return (
    <section aria-labelledby="deactivation-evidence" className="space-y-2" data-testid="deactivation-evidence">
      <h2 id="deactivation-evidence" className="text-lg font-semibold">
        {t("evidenceHeading")}
      </h2>
      <p className="text-sm text-muted-foreground">{t("evidenceNote")}</p>
      <p className="text-sm">
        {audit("openWork", { total: evidence.total, blocking: evidence.blocking, unknown: evidence.unavailable.length })}{" "}
        <time className="text-muted-foreground" dateTime={evidence.checkedAt}>
          · {format.dateTime(new Date(evidence.checkedAt), { dateStyle: "medium", timeStyle: "short" })}
        </time>
      </p>
      {held.length > 0 ? (
        <ul className="list-inside list-disc text-sm">
          {held.map((key) => (
            <li key={key}>
              {categories(key)}: {format.number(evidence.counts[key] ?? 0, "integer")}
            </li>
          ))}
        </ul>
      ) : null}
      {evidence.override ? (
        <p className="text-sm text-destructive">
          {audit("openWorkOverridden", { reason: evidence.override.reason })} ({by})
        </p>
      ) : null}
    </section>
  );
}
