"use client";

import { LoaderCircleIcon, XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { type SelectedPerson, countLabel, matchesSearch } from "@/lib/client/people";
import type { UserSearch } from "@/lib/client/user-search";
import type { StatusAction } from "@/lib/client/users-api";

interface SelectionBarProps {
  selected: ReadonlyMap<string, SelectedPerson>;
  search: UserSearch;
  /** People matching the filter, when more than this page shows and the page is all selected. */
  selectAllOffer: number | null;
  selectingAll: boolean;
  note: string | null;
  onSelectAll: () => void;
  onDrop: (ids: string[]) => void;
  onClear: () => void;
  onAction: (action: StatusAction, people: SelectedPerson[]) => void;
}

/**
 * The bulk action bar, shown while anyone is selected. Selected people the current search or tab
 * hides are counted and can be dropped, so nobody is changed without being in view or named.
 */
export function SelectionBar({ selected, search, selectAllOffer, selectingAll, note, onSelectAll, onDrop, onClear, onAction }: SelectionBarProps) {
  if (selected.size === 0 && !note) return null;
  const people = [...selected.values()];
  const hidden = people.filter((person) => !matchesSearch(person, search));
  const active = people.filter((person) => person.isActive);
  const inactive = people.filter((person) => !person.isActive);
  return (
    <section aria-label="Selection" className="sticky bottom-4 z-10 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border bg-background p-3 text-sm shadow-lg">
      <p role="status" className="font-medium">
        {countLabel(selected.size, "person", "people")} selected
        {note ? <span className="block font-normal text-muted-foreground">{note}</span> : null}
      </p>
      {hidden.length > 0 ? (
        <div className="flex items-center gap-2">
          <p>{countLabel(hidden.length, "selected person is", "selected people are")} not shown by this search or tab.</p>
          <Button variant="outline" size="sm" onClick={() => onDrop(hidden.map((person) => person.id))}>
            Unselect the {countLabel(hidden.length, "hidden person", "hidden people")}
          </Button>
        </div>
      ) : null}
      {selectAllOffer !== null ? (
        <Button variant="outline" size="sm" aria-disabled={selectingAll || undefined} onClick={() => (selectingAll ? undefined : onSelectAll())}>
          {selectingAll ? <LoaderCircleIcon className="size-4 animate-spin" aria-hidden /> : null}
          Select all {selectAllOffer.toLocaleString("en")} matching this filter
        </Button>
      ) : null}
      <div className="ml-auto flex flex-wrap items-center gap-2">
        {active.length > 0 ? (
          <Button variant="destructive" size="sm" onClick={() => onAction("deactivate", active)}>
            Deactivate {active.length.toLocaleString("en")} selected…
          </Button>
        ) : null}
        {inactive.length > 0 ? (
          <Button size="sm" onClick={() => onAction("reactivate", inactive)}>
            Reactivate {inactive.length.toLocaleString("en")} selected…
          </Button>
        ) : null}
        <Button variant="ghost" size="sm" onClick={onClear}>
          <XIcon className="size-4" aria-hidden />
          Clear selection
        </Button>
      </div>
    </section>
  );
}
