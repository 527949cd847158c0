import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { usersColumnsOf } from "@/lib/auth/preferences";
import { appendFilterParams, parseUserFilters } from "@/lib/client/user-filters";
import { isCanonical, parseUserSearch, toSearchParams } from "@/lib/client/user-search";
import { getDb } from "@/lib/db";
import { bulkRules } from "@/lib/jobs/config";
import { firstUsersPage } from "@/lib/offboarding/first-users-page";
import { UsersTable } from "./_components/users-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users.page");
  return { title: t("metaTitle") };
}

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Server shell of the users page; the table is the client boundary. A shared link with a value
 * the API would refuse (a typo, an old bookmark) is rewritten once to what will be shown, so the
 * address bar never claims a view the table is not showing.
 */
export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Checked here too: the layout is not re-run when the client navigates between pages.
  const user = await requirePageUser();
  const raw = await searchParams;
  const t = await getTranslations("users.page");
  if (!isCanonical(raw)) {
    const query = appendFilterParams(toSearchParams(parseUserSearch(raw)), parseUserFilters(raw)).toString();
    redirect(query ? `/users?${query}` : "/users");
  }
  const search = parseUserSearch(raw);
  const filters = parseUserFilters(raw);
  // The first rows come with the page (read from the index while it renders), not after it.
  const [first, columns] = await Promise.all([firstUsersPage(search, filters), getDb().then((db) => usersColumnsOf(db, user.id))]);
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("intro")}</p>
      </div>
      <UsersTable role={user.role} rules={bulkRules()} columns={columns} initial={first ? { search, filters, page: first } : null} />
    </div>
  );
}
