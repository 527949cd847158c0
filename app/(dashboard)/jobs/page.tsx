import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listJobs } from "@/lib/jobs/queries";
import { JOBS_PAGE_SIZE } from "@/lib/client/jobs-api";
import { JobsTable } from "./_components/jobs-table";

export const metadata: Metadata = { title: "Jobs · wf-offboard" };
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

/** The bulk jobs, newest first: the server reads the first page, the client keeps it current. */
export default async function JobsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser();
  const raw = (await searchParams).page;
  const requested = Number(typeof raw === "string" ? raw : 1);
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 100_000 ? requested : 1;
  const initial = await listJobs(await getDb(), { page, pageSize: JOBS_PAGE_SIZE });
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Jobs</h1>
        <p className="text-sm text-muted-foreground">
          Bulk deactivations and reactivations, with each person&apos;s result. A job keeps running if you leave this page.
        </p>
      </div>
      <JobsTable page={page} initial={initial} />
    </div>
  );
}
