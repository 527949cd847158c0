import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/components/ui/skeleton";

/** While Workfront answers the impact check. */
export async function ImpactSkeleton() {
  const t = await getTranslations("person.impact");
  return (
    <section aria-busy="true" aria-labelledby="impact-heading" className="space-y-3">
      <h2 id="impact-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p role="status" className="text-sm text-muted-foreground">
        {t("loading")}
      </p>
      <Skeleton className="h-24 w-full" />
    </section>
  );
}
