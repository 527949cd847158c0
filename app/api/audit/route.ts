import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { auditCsv, auditFilterSchema, auditFormatQuerySchema, auditListQuerySchema, listAuditEvents, toAuditEventDto } from "@/lib/audit";
import { authorize, requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { ApiError, respond } from "@/lib/http/errors";
import { requestLocale } from "@/lib/i18n/request-locale";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/**
 * GET /api/audit?actor=&target=&action=&outcome=&from=&to=&page=&pageSize=
 * JSON by default; with format=csv, the whole filtered log as a streamed CSV download (no paging),
 * UTF-8 with a byte-order mark. `locale=en|de` picks the header's language and the delimiter;
 * without it, the reader's language (the language cookie, else Accept-Language). Values stay
 * machine-readable in every language: codes, true/false, ISO 8601 times in UTC.
 */
export function GET(request: NextRequest) {
  return respond(async () => {
    const user = await requireApiUser("viewAudit");
    const { format, locale: localeParam, ...params } = Object.fromEntries(request.nextUrl.searchParams);
    if (format === "csv") {
      authorize(user, "exportAudit");
      const filter = auditFilterSchema.parse(params);
      const { locale: chosen } = auditFormatQuerySchema.parse({ locale: localeParam });
      const locale = chosen ?? (await requestLocale());
      const stamp = new Date().toISOString().slice(0, 10);
      return new Response(auditCsv(await getDb(), filter, locale), {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="wf-offboard-audit-${stamp}.csv"`,
          "content-language": locale,
          "cache-control": "no-store",
          vary: "Cookie, Accept-Language",
        },
      });
    }
    if (format !== undefined && format !== "json") {
      throw new ApiError(400, "invalid_request", "format: csv or json");
    }
    if (localeParam !== undefined) throw new ApiError(400, "invalid_request", "locale: only with format=csv");
    const query = auditListQuerySchema.parse(params);
    const page = await listAuditEvents(await getDb(), query);
    return NextResponse.json({ ...page, rows: page.rows.map(toAuditEventDto) }, { headers: { "cache-control": "no-store" } });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
