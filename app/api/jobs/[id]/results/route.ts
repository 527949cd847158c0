import type { NextRequest } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { csvHeaders, csvStream } from "@/lib/csv-format";
import { getDb } from "@/lib/db";
import { ApiError, respond } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { queryObject } from "@/lib/http/search-params";
import { requestLocale } from "@/lib/i18n/request-locale";
import { findJob } from "@/lib/jobs/queries";
import { jobResultsCsvLines, jobResultsQuerySchema } from "@/lib/jobs/results-csv";
import { jobParamsSchema } from "@/lib/jobs/schemas";

export const dynamic = "force-dynamic";


/** GET /api/jobs/{id}/results?locale=en|de: the job's results as a CSV download, for HR. */
export function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  return respond(async () => {
    await requireApiUser("exportAudit");
    const { id } = jobParamsSchema.parse(await context.params);
    const { locale: chosen } = jobResultsQuerySchema.parse(queryObject(request.nextUrl.searchParams));
    const db = await getDb();
    const job = await findJob(db, id);
    if (!job) throw new ApiError(404, "not_found", "There is no such job.");
    const locale = chosen ?? (await requestLocale());
    return new Response(csvStream(jobResultsCsvLines(db, job, locale)), { headers: csvHeaders(`wf-offboard-job-${id}.csv`, locale) });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
