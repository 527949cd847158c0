"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import type { JobDto } from "@/lib/jobs/dto";
import type { ItemState, JobStatus } from "@/lib/jobs/vocabulary";

/** How the job pages show statuses and outcomes, as lookup data (a new value must be added here). */
export type BadgeVariant = "default" | "secondary" | "success" | "destructive" | "outline";

export const jobStatusVariants: Record<JobStatus, BadgeVariant> = {
  queued: "outline",
  running: "default",
  paused_auth: "destructive",
  paused_creator: "destructive",
  cancelling: "secondary",
  cancelled: "secondary",
  completed: "success",
};

export const itemStateVariants: Record<ItemState, BadgeVariant> = {
  pending: "outline",
  running: "outline",
  succeeded: "success",
  already: "secondary",
  failed: "destructive",
  refused: "destructive",
  cancelled: "secondary",
};

/** The counts a finished job is summed up by, in the order they are said. */
const SUMMARY_PARTS = ["succeeded", "already", "failed", "refused", "cancelled", "remaining"] as const;

/** A job in words, in the reader's language: its name, its outcome in one line, its dates. */
export function useJobWords() {
  const t = useTranslations("jobs");
  const format = useFormatter();
  /** "Deactivate 5 people", the job's name wherever it is listed or shown. */
  const title = useCallback(
    (job: Pick<JobDto, "kind" | "counts" | "undoOf">) => {
      const name = t("title", { kind: job.kind, count: job.counts.total });
      return job.undoOf ? t("undoTitle", { title: name }) : name;
    },
    [t],
  );
  /** "5 deactivated, 1 failed": a job in one line, for the list and the end-of-job toast. */
  const summary = useCallback(
    (job: Pick<JobDto, "kind" | "counts">) =>
      SUMMARY_PARTS.filter((part) => part === "succeeded" || job.counts[part] > 0)
        .map((part) => t(`summary.${part}`, { kind: job.kind, count: job.counts[part] }))
        .join(", "),
    [t],
  );
  const when = useCallback((iso: string) => format.dateTime(new Date(iso), "dateTime"), [format]);
  /** The full date and time, for a title or a screen reader. */
  const fullWhen = useCallback((iso: string) => format.dateTime(new Date(iso), "full"), [format]);
  return useMemo(() => ({ title, summary, when, fullWhen }), [title, summary, when, fullWhen]);
}
