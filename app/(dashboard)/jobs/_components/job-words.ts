import type { JobDto } from "@/lib/jobs/dto";
import type { ItemState, JobKind, JobStatus } from "@/lib/jobs/vocabulary";

/** How the job pages show statuses and outcomes, as lookup data (a new value must be added here). */
export type BadgeVariant = "default" | "secondary" | "success" | "destructive" | "outline";

export const jobStatusVariants: Record<JobStatus, BadgeVariant> = {
  queued: "outline",
  running: "default",
  paused_auth: "destructive",
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

/** "Succeeded" said in the job's own terms. */
export const doneWords: Record<JobKind, { succeeded: string; already: string }> = {
  deactivate: { succeeded: "Deactivated", already: "Already deactivated" },
  reactivate: { succeeded: "Reactivated", already: "Already active" },
};

function people(count: number): string {
  return `${count.toLocaleString("en")} ${count === 1 ? "person" : "people"}`;
}

/** "Deactivate 5 people", the job's name wherever it is listed or shown. */
export function jobTitle(job: Pick<JobDto, "kind" | "counts" | "undoOf">): string {
  const verb = job.kind === "deactivate" ? "Deactivate" : "Reactivate";
  return `${verb} ${people(job.counts.total)}${job.undoOf ? " (undo)" : ""}`;
}

/** "5 deactivated, 1 failed": a finished job in one line, for the list and the end-of-job toast. */
export function outcomeSummary(job: Pick<JobDto, "kind" | "counts">): string {
  const { counts } = job;
  const parts = [
    `${counts.succeeded.toLocaleString("en")} ${doneWords[job.kind].succeeded.toLowerCase()}`,
    counts.already ? `${counts.already.toLocaleString("en")} ${doneWords[job.kind].already.toLowerCase()}` : null,
    counts.failed ? `${counts.failed.toLocaleString("en")} failed` : null,
    counts.refused ? `${counts.refused.toLocaleString("en")} refused` : null,
    counts.cancelled ? `${counts.cancelled.toLocaleString("en")} cancelled` : null,
    counts.remaining ? `${counts.remaining.toLocaleString("en")} remaining` : null,
  ];
  return parts.filter(Boolean).join(", ");
}

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export function formatWhen(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** Seconds as "45 s", "3 min 20 s" or "1 h 5 min". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 1) return "less than a second";
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
  return `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) ? ` ${Math.floor((s % 3600) / 60)} min` : ""}`;
}
