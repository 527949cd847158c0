"use client";

import { LoaderCircleIcon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { type SelectedPerson, matchesSearch } from "@/lib/client/people";
import { useErrorText } from "@/lib/client/use-error-text";
import type { UserSearch } from "@/lib/client/user-search";
import type { StatusAction } from "@/lib/client/users-api";
import { type SelectionCap, SelectionLimit, isOverCap } from "./selection-limit";
import type { SelectAllNote } from "./use-select-all-matching";

interface SelectionBarProps {
  selected: ReadonlyMap<string, SelectedPerson>;
  search: UserSearch;
  /** People matching the filter, when more than this page shows and the page is all selected. */
  selectAllOffer: number | null;
  selectingAll: boolean;
  note: SelectAllNote | null;
  onSelectAll: () => void;
  onDrop: (ids: string[]) => void;
  onClear: () => void;
  onAction: (action: StatusAction, people: SelectedPerson[]) => void;
  /** The most people one job may hold for this role (BULK_HARD_CAP); null for the admin role. */
  cap?: SelectionCap;
}

/** What "select all matching" came to, in a sentence or two. */
function NoteText({ note }: { note: SelectAllNote }) {
  const t = useTranslations("users.selection");
  const common = useTranslations("common");
  const errorText = useErrorText();
  switch (note.kind) {
    case "tooMany":
      return t("tooMany", { total: note.total, limit: note.limit });
    case "allSelected":
      return note.adminsLeftOut > 0
        ? `${t("allSelected", { count: note.count })} ${t("adminsLeftOut", { count: note.adminsLeftOut })}`
        : t("allSelected", { count: note.count });
    case "failed": {
      const { message, detail } = errorText(note.error);
      return (
        <>
          {t("selectAllFailed", { message })}
          {detail ? <span className="block text-xs">{common("errorDetail", { message: detail })}</span> : null}
        </>
      );
    }
  }
}

/**
 * The bulk action bar, shown while anyone is selected. Selected people the current search or tab
 * hides are counted and can be dropped, so nobody is changed without being in view or named.
 */
export function SelectionBar({ selected, search, selectAllOffer, selectingAll, note, onSelectAll, onDrop, onClear, onAction, cap = null }: SelectionBarProps) {
  const t = useTranslations("users.selection");
  const limitId = useId();
  if (selected.size === 0 && !note) return null;
  const people = [...selected.values()];
  const hidden = people.filter((person) => !matchesSearch(person, search));
  const active = people.filter((person) => person.isActive);
  const inactive = people.filter((person) => !person.isActive);
  const over = [active, inactive].find((group) => isOverCap(group.length, cap));
  return (
    <section aria-label={t("label")} className="sticky bottom-4 z-10 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border bg-background p-3 text-sm shadow-lg">
      <p role="status" className="font-medium">
        {t("selected", { count: selected.size })}
        {note ? (
          <span className="block font-normal text-muted-foreground">
            <NoteText note={note} />
          </span>
        ) : null}
      </p>
      {hidden.length > 0 ? (
        <div className="flex items-center gap-2">
          <p>{t("hidden", { count: hidden.length })}</p>
          <Button variant="outline" size="sm" onClick={() => onDrop(hidden.map((person) => person.id))}>
            {t("dropHidden", { count: hidden.length })}
          </Button>
        </div>
      ) : null}
      {selectAllOffer !== null ? (
        <Button variant="outline" size="sm" aria-disabled={selectingAll || undefined} onClick={() => (selectingAll ? undefined : onSelectAll())}>
          {selectingAll ? <LoaderCircleIcon className="size-4 animate-spin" aria-hidden /> : null}
          {t("selectAll", { count: selectAllOffer })}
        </Button>
      ) : null}
      {over && cap !== null ? <SelectionLimit id={limitId} people={over} cap={cap} onDrop={onDrop} /> : null}
      <div className="ml-auto flex flex-wrap items-center gap-2">
        {active.length > 0 ? (
          <Button
            variant="destructive"
            size="sm"
            disabled={isOverCap(active.length, cap)}
            aria-describedby={isOverCap(active.length, cap) ? limitId : undefined}
            onClick={() => onAction("deactivate", active)}
          >
            {t("deactivate", { count: active.length })}
          </Button>
        ) : null}
        {inactive.length > 0 ? (
          <Button
            size="sm"
            disabled={isOverCap(inactive.length, cap)}
            aria-describedby={isOverCap(inactive.length, cap) ? limitId : undefined}
            onClick={() => onAction("reactivate", inactive)}
          >
            {t("reactivate", { count: inactive.length })}
          </Button>
        ) : null}
        <Button variant="ghost" size="sm" onClick={onClear}>
          <XIcon className="size-4" aria-hidden />
          {t("clear")}
        </Button>
      </div>
    </section>
  );
}
