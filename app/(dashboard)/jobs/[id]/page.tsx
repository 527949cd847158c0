import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { parseJobItemsSearch, JOB_ITEMS_PAGE_SIZE } from "@/lib/client/job-search";
import { getDb } from "@/lib/db";
import { bulkRules } from "@/lib/jobs/config";
import { getJobDetail } from "@/lib/jobs/queries";
import { JobView } from "./_components/job-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("jobs.page");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * One job: read on the server for the first paint (so a reload shows it at once), then polled by
 * the client while it runs. The outcome filter and page are in the URL.
 */
export default async function JobPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const user = await requirePageUser();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const search = parseJobItemsSearch(await searchParams);
  const initial = await getJobDetail(await getDb(), id, {
    page: search.page,
    pageSize: JOB_ITEMS_PAGE_SIZE,
    ...(search.state ? { state: search.state } : {}),
  });
  if (!initial) notFound();
  return <JobView id={id} role={user.role} rules={bulkRules()} initial={initial} initialSearch={search} />;
}
