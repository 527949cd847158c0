import type { DryRunDto, DryRunOutcome } from "@/lib/jobs/dto";
import type { JobKind } from "@/lib/jobs/vocabulary";
import { LicencesFreed } from "./licences-freed";

/** What each dry-run outcome means, in the words of the action being checked. */
const outcomeLabels: Record<DryRunOutcome, (kind: JobKind) => string> = {
  would_change: (kind) => (kind === "deactivate" ? "Would be deactivated" : "Would be reactivated"),
  already: (kind) => (kind === "deactivate" ? "Already deactivated" : "Already active"),
  protected: () => "Refused (protected)",
  not_found: () => "Not found in Workfront",
  error: () => "Could not be checked",
};

const OUTCOMES = Object.keys(outcomeLabels) as DryRunOutcome[];

/**
 * The answer of a dry run: counts by outcome, the licences it would free, what would stop the
 * run, and everyone who would not simply be changed, with why.
 */
export function DryRunResult({ result }: { result: DryRunDto }) {
  const exceptions = result.items.filter((item) => item.outcome !== "would_change");
  return (
    <section aria-label="Dry run result" className="grid gap-3 rounded-md border bg-muted/40 p-3 text-sm">
      <p role="status" className="font-medium">
        Dry run: nothing was changed. {result.counts.would_change.toLocaleString("en")} of {result.people.toLocaleString("en")}{" "}
        {result.kind === "deactivate" ? "would be deactivated" : "would be reactivated"}.
      </p>
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
        {OUTCOMES.filter((outcome) => result.counts[outcome] > 0).map((outcome) => (
          <div key={outcome} className="contents">
            <dt>{outcomeLabels[outcome](result.kind)}</dt>
            <dd className="text-right font-medium tabular-nums">{result.counts[outcome].toLocaleString("en")}</dd>
          </div>
        ))}
      </dl>
      {result.kind === "deactivate" ? <LicencesFreed licences={result.licensesFreed} /> : null}
      {result.rules.problem ? <p className="text-destructive">{result.rules.problem.message}</p> : null}
      {exceptions.length > 0 ? (
        <ul aria-label="People who would not be changed" tabIndex={0} className="max-h-40 divide-y overflow-y-auto rounded-md border bg-background focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
          {exceptions.map((item) => (
            <li key={item.userId} className="p-2">
              <span className="font-medium">{item.name ?? item.email ?? item.userId}</span>
              {" — "}
              {outcomeLabels[item.outcome](result.kind)}
              {item.reason ? `: ${item.reason}` : ""}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
