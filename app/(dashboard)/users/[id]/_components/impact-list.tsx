import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { PersonImpactDto } from "@/lib/offboarding/impact";

type Category = PersonImpactDto["categories"][number];

/** Each category with work in it: its count, whether it blocks, and its items linked to Workfront. */
export async function ImpactList({ impact }: { impact: PersonImpactDto }) {
  const t = await getTranslations("person.impact");
  const shown = impact.categories.filter((category) => category.count > 0 || category.unavailable);
  return (
    <ul className="space-y-4">
      {shown.map((category) => (
        <li key={category.key} data-category={category.key} className="rounded-md border p-3">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-medium">{t(`categories.${category.key}`)}</h3>
            <Badge variant="outline" aria-label={String(category.count)}>
              {category.count}
            </Badge>
            {category.blocking > 0 ? <Badge variant="destructive">{t("blocking")}</Badge> : null}
            {!category.reassignable ? <Badge variant="secondary">{t("manual")}</Badge> : null}
            {category.unavailable ? (
              <span className="text-xs text-muted-foreground">{t("unavailable")}</span>
            ) : null}
          </div>
          <CategoryItems category={category} />
        </li>
      ))}
    </ul>
  );
}

async function CategoryItems({ category }: { category: Category }) {
  const t = await getTranslations("person.impact");
  if (category.items.length === 0) return null;
  return (
    <>
      <ul className="mt-2 space-y-1 text-sm">
        {category.items.map((item) => {
          const label =
            category.key === "approvalStages"
              ? t("stage", { id: item.label ?? "" })
              : (item.label ?? t("untitled"));
          return (
            <li key={item.id} className="flex flex-wrap items-center gap-2">
              {item.href ? (
                <a
                  href={item.href}
                  target="_blank"
                  rel="noreferrer"
                  className="underline-offset-4 hover:underline"
                >
                  {label}
                </a>
              ) : (
                <span>{label}</span>
              )}
              {item.soleApprover ? <Badge variant="destructive">{t("sole")}</Badge> : null}
            </li>
          );
        })}
      </ul>
      {category.count > category.items.length ? (
        <p className="mt-1 text-xs text-muted-foreground">
          {t("more", { shown: category.items.length, count: category.count })}
        </p>
      ) : null}
    </>
  );
}
