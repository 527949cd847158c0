import type { NextRequest } from "next/server";
import { z } from "zod";
import { requireApiReader } from "@/lib/auth/session";
import { csvHeaders, csvStream } from "@/lib/csv-format";
import { getDb } from "@/lib/db";
import { ApiError, respond } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { queryObject } from "@/lib/http/search-params";
import { LOCALES } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request-locale";
import { findJob } from "@/lib/jobs/queries";
import { jobResultsCsvLines } from "@/lib/jobs/results-csv";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ id: z.uuid() });
const querySchema = z.object({ locale: z.enum(LOCALES).optional() }).strict();

/** GET /api/jobs/{id}/results?locale=en|de: the job's results as a CSV download, for HR. */
export function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  return respond(async () => {
    await requireApiReader("exportAudit");
    const { id } = paramsSchema.parse(await context.params);
    const { locale: chosen } = querySchema.parse(queryObject(request.nextUrl.searchParams));
    const db = await getDb();
    const job = await findJob(db, id);
    if (!job) throw new ApiError(404, "not_found", "There is no such job.");
    const locale = chosen ?? (await requestLocale());
    return new Response(csvStream(jobResultsCsvLines(db, job, locale)), { headers: csvHeaders(`wf-offboard-job-${id}.csv`, locale) });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
