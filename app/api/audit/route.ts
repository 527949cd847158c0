import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { auditCsv, auditFilterSchema, auditListQuerySchema, listAuditEvents, toAuditEventDto } from "@/lib/audit";
import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { ApiError, respond } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

/**
 * GET /api/audit?actor=&target=&action=&outcome=&from=&to=&page=&pageSize=
 * JSON by default; with format=csv, the whole filtered log as a streamed CSV download (no paging).
 */
export function GET(request: NextRequest) {
  return respond(async () => {
    const { format, ...params } = Object.fromEntries(request.nextUrl.searchParams);
    if (format === "csv") {
      const filter = auditFilterSchema.parse(params);
      await requireApiUser("exportAudit");
      const stamp = new Date().toISOString().slice(0, 10);
      return new Response(auditCsv(await getDb(), filter), {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="wf-offboard-audit-${stamp}.csv"`,
          "cache-control": "no-store",
        },
      });
    }
    if (format !== undefined && format !== "json") {
      throw new ApiError(400, "invalid_request", "format: csv or json");
    }
    const query = auditListQuerySchema.parse(params);
    await requireApiUser("viewAudit");
    const page = await listAuditEvents(await getDb(), query);
    return NextResponse.json({ ...page, rows: page.rows.map(toAuditEventDto) }, { headers: { "cache-control": "no-store" } });
  });
}
