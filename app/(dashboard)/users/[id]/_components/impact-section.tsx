import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { appDeps } from "@/lib/offboarding/deps";
import { type PersonImpactDto, checkPerson, withLinks } from "@/lib/offboarding/impact";
import { isWorkfrontError } from "@/lib/workfront";
import { ImpactList } from "./impact-list";

/**
 * The impact check, run on the server inside a Suspense boundary. A Workfront failure shows here
 * and leaves the rest of the page (profile, history) usable.
 */
export async function ImpactSection({ userId }: { userId: string }) {
  const [t, format] = await Promise.all([getTranslations("person.impact"), getFormatter()]);
  let impact: PersonImpactDto;
  try {
    const { client } = await appDeps();
    impact = withLinks(client.apiBase, await checkPerson(client, userId));
  } catch (error) {
    // The code only: Workfront's own words stay in the server's log (DESIGN.md conventions).
    const message = isWorkfrontError(error) ? error.code : "error";
    return (
      <section aria-labelledby="impact-heading" className="space-y-3">
        <h2 id="impact-heading" className="text-lg font-semibold">
          {t("heading")}
        </h2>
        <Alert variant="destructive">
          <AlertTitle>{t("failed")}</AlertTitle>
          <AlertDescription className="text-xs">{message}</AlertDescription>
        </Alert>
      </section>
    );
  }
  return (
    <section aria-labelledby="impact-heading" className="space-y-3" data-testid="impact">
      <h2 id="impact-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm">
        {t("summary", { total: impact.total, blocking: impact.blocking })}{" "}
        <span className="text-muted-foreground">
          · {t("checkedAt", { when: format.relativeTime(new Date(impact.checkedAt)) })}
        </span>
      </p>
      {impact.total === 0 ? (
        <p className="text-sm text-muted-foreground">{t("nothing")}</p>
      ) : (
        <ImpactList impact={impact} />
      )}
      <p className="text-xs text-muted-foreground">{t("routingRules")}</p>
    </section>
  );
}
