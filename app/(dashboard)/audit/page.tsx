import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ZodError } from "zod";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { AUDIT_PAGE_SIZES, type AuditListQuery, auditListQuerySchema, listAuditEvents } from "@/lib/audit";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AuditFilters } from "./_components/audit-filters";
import { AuditPagination } from "./_components/audit-pagination";
import { AuditTable } from "./_components/audit-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit.page");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

/** Only single, non-empty values: an empty field in the filter form means "any". */
function toQueryInput(raw: SearchParams): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw).flatMap(([key, value]) => (typeof value === "string" && value.trim() ? [[key, value]] : [])),
  );
}

/** The audit log, rendered on the server: filters are a plain GET form, so every view is a URL. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser();
  const [t, common, locale] = await Promise.all([getTranslations("audit.page"), getTranslations("common"), getLocale()]);
  const input = toQueryInput(await searchParams);
  const parsed = auditListQuerySchema.safeParse(input);
  const query: AuditListQuery = parsed.success ? parsed.data : auditListQuerySchema.parse({});
  const page = await listAuditEvents(await getDb(), query);
  // The export in the reader's language: its header names and delimiter (see app/api/audit/route.ts).
  const csvHref = `/api/audit?${new URLSearchParams({ ...filtersOf(input), format: "csv", locale })}`;

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("intro")}</p>
      </div>
      <AuditFilters values={input} csvHref={csvHref} pageSizes={AUDIT_PAGE_SIZES} />
      {parsed.success ? null : (
        <Alert variant="destructive">
          <AlertTitle>{t("badFilters")}</AlertTitle>
          {/* Zod's own words name the parameter and what it expects: a detail, in English. */}
          <AlertDescription className="text-xs">{common("errorDetail", { message: describe(parsed.error) })}</AlertDescription>
        </Alert>
      )}
      <AuditTable rows={page.rows} />
      <AuditPagination page={page.page} pageSize={page.pageSize} total={page.total} params={input} />
    </div>
  );
}

/** The export takes the filters, not the paging. */
function filtersOf(values: Record<string, string>): Record<string, string> {
  const { page: _page, pageSize: _pageSize, ...filters } = values;
  return filters;
}

function describe(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "query"}: ${issue.message}`).join("; ");
}
