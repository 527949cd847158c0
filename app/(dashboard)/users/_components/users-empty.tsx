import type { UserSearch, UserStatus } from "@/lib/client/user-search";

const statusWords: Record<UserStatus, string> = { active: "active users", deactivated: "deactivated users", all: "users" };

/** The empty table says what was looked for, so "nothing found" is not mistaken for "broken". */
export function UsersEmpty({ search }: { search: UserSearch }) {
  const what = statusWords[search.status];
  if (search.q) return <>No {what} match “{search.q}”.</>;
  return <>There are no {what}.</>;
}
