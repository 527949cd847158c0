"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { Role } from "@/lib/auth/roles";
import type { BulkRules } from "@/lib/jobs/config";
import type { MatchReportDto, MatchState } from "@/lib/offboarding/match-leavers";
import { LicencesFreed } from "../../_components/status-change/licences-freed";
import { ImportOpenWork } from "./import-open-work";
import { MatchLinesTable } from "./match-lines-table";
import { MATCH_ORDER } from "./match-words";
import { PreviewDownload } from "./preview-download";
import { RunImport } from "./run-import";
import type { ImportSourceName } from "./source-name";

interface ImportPreviewProps {
  report: MatchReportDto;
  source: ImportSourceName;
  role: Role;
  rules: BulkRules;
  onStartOver: () => void;
}

/**
 * What a run would do with each line, before anything happens: counts by result (each one a
 * filter for the lines below), the licences freed, and the button that opens the confirm dialog.
 */
export function ImportPreview({ report, source, role, rules, onStartOver }: ImportPreviewProps) {
  const t = useTranslations("bulk");
  const format = useFormatter();
  const [shown, setShown] = useState<MatchState | null>(null);
  const states = MATCH_ORDER.filter((state) => report.counts[state] > 0);
  const lines = shown ? report.lines.filter((line) => line.state === shown) : report.lines;
  return (
    <section aria-labelledby="import-preview-heading" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="import-preview-heading" className="text-lg font-semibold">
          {t("preview.heading", source)}
        </h2>
        <Button variant="outline" size="sm" onClick={onStartOver}>
          {t("preview.startOver")}
        </Button>
      </div>
      {source.source === "file" ? <p className="text-sm text-muted-foreground">{t("preview.encoding", { encoding: source.encoding.replaceAll("-", "") })}</p> : null}
      <div role="group" aria-label={t("preview.summary")} className="flex flex-wrap gap-2">
        <Button variant="outline" size="sm" aria-pressed={shown === null} className="aria-pressed:bg-accent" onClick={() => setShown(null)}>
          {t("preview.allLines")} <span className="tabular-nums">{format.number(report.lines.length, "integer")}</span>
        </Button>
        {states.map((state) => (
          <Button key={state} variant="outline" size="sm" aria-pressed={shown === state} className="aria-pressed:bg-accent" onClick={() => setShown(state)}>
            {t(`states.${state}`)} <span className="tabular-nums">{format.number(report.counts[state], "integer")}</span>
          </Button>
        ))}
      </div>
      <LicencesFreed licences={report.licensesFreed} />
      <ImportOpenWork report={report} />
      <PreviewDownload report={report} fileName={source.source === "file" ? source.name : null} />
      <RunImport report={report} role={role} rules={rules} sourceName={source.source === "file" ? source.name : undefined} />
      <MatchLinesTable key={shown ?? "all"} lines={lines} column={report.column} lastDayColumn={report.lastDayColumn} />
    </section>
  );
}
