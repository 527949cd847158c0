import { useFormatter, useTranslations } from "next-intl";
import type { DryRunDto, DryRunItemDto, DryRunOutcome } from "@/lib/jobs/dto";
import { LicencesFreed } from "./licences-freed";

const OUTCOMES: readonly DryRunOutcome[] = ["would_change", "already", "protected", "not_found", "error"];

/**
 * Why a person would not be changed, in the reader's language, chosen by the item's code: a
 * protection, an API refusal or a Workfront error. The server's (English) reason stays as detail
 * when the translation is only the general case of it.
 */
function useReasonText() {
  const protection = useTranslations("users.protection");
  const errors = useTranslations("errors");
  return (code: string | null, reason: string | null): { message: string | null; detail: string | null } => {
    if (code && protection.has(code as Parameters<typeof protection.has>[0])) {
      return { message: protection(code as Parameters<typeof protection>[0]), detail: null };
    }
    const key = [code, `workfront_${code}`].find((candidate) => code && errors.has(candidate as Parameters<typeof errors.has>[0]));
    if (key) return { message: errors(key as Parameters<typeof errors>[0]), detail: reason };
    return { message: null, detail: reason };
  };
}

function Exception({ item, kind }: { item: DryRunItemDto; kind: DryRunDto["kind"] }) {
  const t = useTranslations("statusChange.dryRun");
  const common = useTranslations("common");
  const { message, detail } = useReasonText()(item.code, item.reason);
  return (
    <li className="p-2">
      <span className="font-medium">{item.name ?? item.email ?? item.userId}</span>
      {" — "}
      {t(`outcome.${item.outcome}`, { kind })}
      {message ? `: ${message}` : null}
      {detail ? <span className="block text-xs text-muted-foreground">{common("errorDetail", { message: detail })}</span> : null}
    </li>
  );
}

/** What would stop the real run, in the reader's language, with the server's detail under it. */
function WouldStop({ text, testId }: { text: { message: string | null; detail: string | null }; testId?: string }) {
  const common = useTranslations("common");
  return (
    <div className="text-destructive" data-testid={testId}>
      <p>{text.message ?? text.detail}</p>
      {text.message && text.detail ? <p className="text-xs">{common("errorDetail", { message: text.detail })}</p> : null}
    </div>
  );
}

/**
 * The answer of a dry run: counts by outcome, the licences it would free, what would stop the
 * run (the rules; a successor leaving with the person whose work they hold), and everyone who
 * would not simply be changed, with why.
 */
export function DryRunResult({ result }: { result: DryRunDto }) {
  const t = useTranslations("statusChange.dryRun");
  const format = useFormatter();
  const reasonText = useReasonText();
  const openWork = useTranslations("statusChange.openWork");
  const exceptions = result.items.filter((item) => item.outcome !== "would_change");
  const problem = result.rules.problem ? reasonText(result.rules.problem.code, result.rules.problem.message) : null;
  // The real run's 409 successor_in_job, shown before it: who holds whose handed-over work (the server's detail).
  const successors = result.successorInJob ? reasonText("successor_in_job", result.successorInJob.message) : null;
  return (
    <section aria-label={t("label")} className="grid gap-3 rounded-md border bg-muted/40 p-3 text-sm">
      <p role="status" className="font-medium">
        {t("summary", { changed: result.counts.would_change, people: result.people, kind: result.kind })}
      </p>
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
        {OUTCOMES.filter((outcome) => result.counts[outcome] > 0).map((outcome) => (
          <div key={outcome} className="contents">
            <dt>{t(`outcome.${outcome}`, { kind: result.kind })}</dt>
            <dd className="text-right font-medium tabular-nums">{format.number(result.counts[outcome])}</dd>
          </div>
        ))}
      </dl>
      {result.kind === "deactivate" ? <LicencesFreed licences={result.licensesFreed} /> : null}
      {result.openWork ? <p data-testid="dry-run-open-work">{openWork("summary", { people: result.openWork.people, blocked: result.openWork.blocked })}</p> : null}
      {problem ? <WouldStop text={problem} /> : null}
      {successors ? <WouldStop text={successors} testId="dry-run-successor-in-job" /> : null}
      {exceptions.length > 0 ? (
        <ul aria-label={t("exceptions")} tabIndex={0} className="max-h-40 divide-y overflow-y-auto rounded-md border bg-background focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
          {exceptions.map((item) => (
            <Exception key={item.userId} item={item} kind={result.kind} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
