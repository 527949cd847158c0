"use client";

import { Download } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CSV_DELIMITERS, UTF8_BOM, csvLine } from "@/lib/csv-format";
import type { Locale } from "@/lib/i18n/locales";
import type { MatchReportDto } from "@/lib/offboarding/match-leavers";

const COLUMNS = ["line", "value", "state", "code", "reason", "user_id", "name", "email", "is_active", "license_type", "license"] as const;

/** The preview as CSV (the audit CSV's conventions): one line per line of the file, with what a run would do. */
export function previewCsv(report: MatchReportDto, header: Record<(typeof COLUMNS)[number], string>, locale: Locale): string {
  const delimiter = CSV_DELIMITERS[locale];
  const lines = report.lines.map((line) =>
    csvLine(
      [line.line, line.value, line.state, line.code, line.reason, line.user?.id, line.user?.name, line.user?.email, line.user?.isActive, line.user?.licenseType, line.user?.licenseTypeLabel],
      delimiter,
    ),
  );
  return UTF8_BOM + csvLine(COLUMNS.map((column) => header[column]), delimiter) + lines.join("");
}

/** HR's copy of the preview, made in the browser from what is on screen (nothing is sent again). */
export function PreviewDownload({ report, fileName }: { report: MatchReportDto; fileName: string | null }) {
  const t = useTranslations("reports");
  const header = useTranslations("reports.previewCsv");
  const locale = useLocale();
  function download() {
    const words = Object.fromEntries(COLUMNS.map((column) => [column, header(column)])) as Record<(typeof COLUMNS)[number], string>;
    const blob = new Blob([previewCsv(report, words, locale)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = `${fileName ? fileName.replace(/\.[^.]+$/, "") : "leavers"}-preview.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }
  return (
    <Button type="button" variant="outline" size="sm" onClick={download}>
      <Download aria-hidden className="size-4" />
      {t("preview.download")}
    </Button>
  );
}
