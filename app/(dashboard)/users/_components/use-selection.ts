import { useCallback, useMemo, useRef, useState } from "react";
import type { SelectedPerson } from "@/lib/client/people";
import type { ResolvedUserDto } from "@/lib/offboarding/resolve-selection";
import type { UserDto } from "@/lib/offboarding/user-dto";

export function toSelected(user: UserDto): SelectedPerson {
  const { id, name, email, isActive, licenseType, licenseTypeLabel, isAdmin } = user;
  return { id, name, email, isActive, licenseType, licenseTypeLabel, isAdmin };
}

/**
 * The users page's selection: people by ID, with what the dialog needs to name them. It lives
 * in the table's state, not in the rows, so it survives paging, a new search and refetches; the
 * action bar says how many selected people the current view does not show.
 */
export function useSelection() {
  const [selected, setSelected] = useState<ReadonlyMap<string, SelectedPerson>>(() => new Map());
  // Licence labels seen in the table: the server's "select all matching" answer has only codes.
  const labels = useRef(new Map<string, string>());

  const add = useCallback((people: SelectedPerson[]) => {
    setSelected((previous) => {
      const next = new Map(previous);
      for (const person of people) next.set(person.id, person);
      return next;
    });
  }, []);

  const remove = useCallback((ids: string[]) => {
    setSelected((previous) => {
      const next = new Map(previous);
      for (const id of ids) next.delete(id);
      return next;
    });
  }, []);

  const clear = useCallback(() => setSelected(new Map()), []);

  /** Fresh rows replace their selected copies (a person deactivated from their row since). */
  const refresh = useCallback((users: UserDto[]) => {
    for (const user of users) if (user.licenseType && user.licenseTypeLabel) labels.current.set(user.licenseType, user.licenseTypeLabel);
    setSelected((previous) => {
      const stale = users.filter((user) => previous.get(user.id)?.isActive === !user.isActive);
      if (stale.length === 0) return previous;
      const next = new Map(previous);
      for (const user of stale) next.set(user.id, toSelected(user));
      return next;
    });
  }, []);

  const fromResolved = useCallback(
    (user: ResolvedUserDto): SelectedPerson => ({
      id: user.id,
      name: user.name,
      email: user.email,
      isActive: user.isActive,
      licenseType: user.licenseType,
      licenseTypeLabel: user.licenseType ? (labels.current.get(user.licenseType) ?? user.licenseType) : null,
      isAdmin: user.isAdmin,
    }),
    [],
  );

  return useMemo(() => ({ selected, add, remove, clear, refresh, fromResolved }), [selected, add, remove, clear, refresh, fromResolved]);
}

export type Selection = ReturnType<typeof useSelection>;
