import { Progress } from "@/components/ui/progress";
import type { JobDto } from "@/lib/jobs/dto";
import { doneWords, formatDuration } from "../../_components/job-words";

/** Progress bar, counts by outcome, and the rate and time left while it runs. */
export function JobProgress({ job }: { job: JobDto }) {
  const { counts } = job;
  const words = doneWords[job.kind];
  const tiles = [
    { label: words.succeeded, value: counts.succeeded },
    { label: words.already, value: counts.already },
    { label: "Failed", value: counts.failed },
    { label: "Refused", value: counts.refused },
    ...(counts.cancelled ? [{ label: "Cancelled", value: counts.cancelled }] : []),
    { label: "Remaining", value: counts.remaining },
  ];
  const took = job.startedAt && job.finishedAt ? (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000 : null;
  return (
    <section aria-labelledby="job-progress-heading" className="space-y-3">
      <h2 id="job-progress-heading" className="sr-only">
        Progress
      </h2>
      <div className="flex items-center gap-3">
        <Progress value={job.progress} aria-label="Job progress" className="flex-1" />
        <span className="text-sm font-medium tabular-nums">
          {counts.done.toLocaleString("en")} of {counts.total.toLocaleString("en")}
        </span>
      </div>
      <dl aria-label="Results by outcome" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {tiles.map(({ label, value }) => (
          <div key={label} className="rounded-md border p-3">
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd className="text-xl font-semibold tabular-nums">{value.toLocaleString("en")}</dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-muted-foreground">
        {job.ratePerSecond !== null
          ? `${job.ratePerSecond.toLocaleString("en")} people per second` +
            (job.etaSeconds !== null ? ` · about ${formatDuration(job.etaSeconds)} left` : "")
          : took !== null
            ? `Took ${formatDuration(took)}.`
            : null}
      </p>
    </section>
  );
}
