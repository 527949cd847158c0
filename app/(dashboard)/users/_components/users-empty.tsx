import { useTranslations } from "next-intl";
import type { UserSearch } from "@/lib/client/user-search";

/** The empty table says what was looked for, so "nothing found" is not mistaken for "broken". */
export function UsersEmpty({ search }: { search: UserSearch }) {
  const t = useTranslations("users.empty");
  return search.q ? t("noMatch", { status: search.status, query: search.q }) : t("none", { status: search.status });
}
