import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { SelectedPerson } from "@/lib/client/people";

/** The most people one job may hold for this role; null when the role has no cap (admin). */
export type SelectionCap = number | null;

export const isOverCap = (people: number, cap: SelectionCap) => cap !== null && people > cap;

/**
 * Said where the selection is made, not only inside the dialog: more people than this role may
 * change in one job, why the action is disabled, and the ways on (keep the first `cap` and run the
 * rest as another job, or ask an admin).
 */
export function SelectionLimit({ id, people, cap, onDrop }: { id: string; people: SelectedPerson[]; cap: number; onDrop: (ids: string[]) => void }) {
  const t = useTranslations("users.selection.limit");
  return (
    <div className="flex basis-full flex-wrap items-center gap-2">
      <p id={id} className="text-destructive">
        {t("over", { count: people.length, cap })}
      </p>
      <Button variant="outline" size="sm" onClick={() => onDrop(people.slice(cap).map((person) => person.id))}>
        {t("keepFirst", { cap })}
      </Button>
    </div>
  );
}
