import { useTranslations } from "next-intl";
import type { AuditChange } from "@/lib/db/schema/audit-events";
import { IMPACT_CATEGORIES, type ImpactCategoryKey } from "@/lib/offboarding/impact/types";

const isCategory = (key: string): key is ImpactCategoryKey => (IMPACT_CATEGORIES as readonly string[]).includes(key);

/**
 * A reassignment's row (issue 16): which Workfront object and field changed, from the leaver (the
 * row's user) to whom. The object's name where Workfront gave one, else its ID.
 */
export function ChangeNote({ change }: { change: AuditChange | null }) {
  const t = useTranslations("audit.table");
  const categories = useTranslations("person.impact.categories");
  if (!change) return null;
  return (
    <div className="mt-1 max-w-64 break-words text-xs text-muted-foreground" data-testid="audit-change" data-object-id={change.objectId}>
      <span className="block">{isCategory(change.category) ? categories(change.category) : change.category}</span>
      <span className="block">
        {t("change", { object: change.objectName ?? change.objectId, objCode: change.objCode, field: change.field, to: change.toName ?? change.to })}
      </span>
    </div>
  );
}
