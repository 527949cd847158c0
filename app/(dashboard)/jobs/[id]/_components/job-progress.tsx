"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Progress } from "@/components/ui/progress";
import type { JobDto } from "@/lib/jobs/dto";

const EPOCH = new Date(0);

type Format = ReturnType<typeof useFormatter>;

/** Seconds as "45 sec", "3 min, 20 sec" or "1 hr, 5 min" in the reader's language. */
function duration(seconds: number, format: Format, underASecond: string): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 1) return underASecond;
  const parts: [number, "hour" | "minute" | "second"][] = [
    [Math.floor(s / 3600), "hour"],
    [Math.floor((s % 3600) / 60), "minute"],
    [s < 3600 ? s % 60 : 0, "second"],
  ];
  return format.list(
    parts.filter(([value]) => value > 0).map(([value, unit]) => format.number(value, { style: "unit", unit, unitDisplay: "short" })),
    { type: "unit", style: "short" },
  );
}

/** Progress bar, counts by outcome, and the rate and time left while it runs. */
export function JobProgress({ job }: { job: JobDto }) {
  const t = useTranslations("jobs");
  const format = useFormatter();
  const { counts } = job;
  const tiles = [
    { key: "succeeded", label: t("outcome.succeeded", { kind: job.kind }), value: counts.succeeded },
    { key: "already", label: t("outcome.already", { kind: job.kind }), value: counts.already },
    { key: "failed", label: t("outcome.failed"), value: counts.failed },
    { key: "refused", label: t("outcome.refused"), value: counts.refused },
    ...(counts.cancelled ? [{ key: "cancelled", label: t("outcome.cancelled"), value: counts.cancelled }] : []),
    { key: "remaining", label: t("outcome.remaining"), value: counts.remaining },
  ];
  const took = job.startedAt && job.finishedAt ? (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000 : null;
  // Under one a second, per minute: a slow job must not read "0 people per second".
  const rate =
    job.ratePerSecond === null
      ? null
      : job.ratePerSecond >= 1
        ? t("progress.rate", { rate: Math.round(job.ratePerSecond * 10) / 10 })
        : t("progress.ratePerMinute", { rate: Math.max(0.1, Math.round(job.ratePerSecond * 600) / 10) });
  const running = job.status === "running" || job.status === "cancelling";
  // The ETA as a moment, "in 3 minutes" / "in 3 Minuten": a span from now, so any fixed "now" (the
  // epoch here) gives the same words on the server and in the browser.
  const eta = job.etaSeconds !== null ? t("progress.eta", { eta: format.relativeTime(new Date(job.etaSeconds * 1000), EPOCH) }) : null;
  return (
    <section aria-labelledby="job-progress-heading" className="space-y-3">
      <h2 id="job-progress-heading" className="sr-only">
        {t("progress.heading")}
      </h2>
      <div className="flex items-center gap-3">
        <Progress value={job.progress} aria-label={t("progress.label")} className="flex-1" />
        <span className="text-sm font-medium tabular-nums">{t("progress.doneOf", { done: counts.done, total: counts.total })}</span>
      </div>
      <dl aria-label={t("progress.byOutcome")} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {tiles.map(({ key, label, value }) => (
          <div key={key} className="rounded-md border p-3">
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd className="text-xl font-semibold tabular-nums">{format.number(value, "integer")}</dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-muted-foreground">
        {rate !== null
          ? [rate, eta].filter(Boolean).join(" · ")
          : took !== null
            ? t("progress.took", { duration: duration(took, format, t("progress.underASecond")) })
            : running
              ? t("progress.measuring")
              : null}
      </p>
    </section>
  );
}
