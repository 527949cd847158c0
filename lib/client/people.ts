import type { UserSearch } from "./user-search";

/**
 * Someone a confirmation names: what the confirm dialog and the selection need to say who is
 * affected. `UserDto`, the import's matched users and the resolved selection all fit it.
 */
export interface Person {
  id: string;
  name: string;
  email: string | null;
  /** Undefined when not known here (a job's items): the dialog then says nothing about it. */
  licenseType?: string | null;
  licenseTypeLabel?: string | null;
  /** A System Administrator; undefined when not known here. */
  isAdmin?: boolean;
}

/** A selected person, with what decides which bulk action applies to them. */
export interface SelectedPerson extends Person {
  isActive: boolean;
}

/**
 * Whether the users page's filter shows this person: the same test the server applies (status,
 * then a case-insensitive "contains" on name or e-mail), so the action bar can say how many
 * selected people the current view hides.
 */
export function matchesSearch(person: SelectedPerson, search: Pick<UserSearch, "q" | "status">): boolean {
  if (search.status === "active" && !person.isActive) return false;
  if (search.status === "deactivated" && person.isActive) return false;
  const q = search.q.toLowerCase();
  if (!q) return true;
  return person.name.toLowerCase().includes(q) || (person.email?.toLowerCase().includes(q) ?? false);
}
