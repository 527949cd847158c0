import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listJobs } from "@/lib/jobs/queries";
import { JOBS_PAGE_SIZE } from "@/lib/client/jobs-api";
import { JobsTable } from "./_components/jobs-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("jobs.list");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

/** The bulk jobs, newest first: the server reads the first page, the client keeps it current. */
export default async function JobsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser();
  const t = await getTranslations("jobs.list");
  const raw = (await searchParams).page;
  const requested = Number(typeof raw === "string" ? raw : 1);
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 100_000 ? requested : 1;
  const initial = await listJobs(await getDb(), { page, pageSize: JOBS_PAGE_SIZE });
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("intro")}</p>
      </div>
      <JobsTable page={page} initial={initial} />
    </div>
  );
}
