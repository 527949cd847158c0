"use client";

import { useFormatter, useTranslations } from "next-intl";
import { SimplePager } from "@/components/ui/simple-pager";
import { TabsList, TabsPanel, TabsTrigger } from "@/components/ui/tabs";
import type { JobItemsSearch } from "@/lib/client/job-search";
import type { JobDto, JobItemsPageDto } from "@/lib/jobs/dto";
import type { ItemFilter } from "@/lib/jobs/schemas";
import { JobItemsTable } from "./job-items-table";

const PANEL_ID = "job-items-panel";

/** The outcome filters, with what each counts on the job; the ones not listed here are folded in. */
type Shown = ItemFilter | null;
const FILTERS: Shown[] = [null, "succeeded", "already", "failed", "refused", "cancelled", "remaining"];

function filterCount(filter: Shown, job: JobDto): number {
  const { counts } = job;
  switch (filter) {
    case null:
      return counts.total;
    case "remaining":
    case "pending":
    case "running":
      return counts.remaining;
    default:
      return counts[filter];
  }
}

const tabId = (filter: Shown) => `job-items-tab-${filter ?? "all"}`;

interface JobItemsProps {
  job: JobDto;
  /** null while the first page of a new filter loads. */
  items: JobItemsPageDto | null;
  fetching: boolean;
  search: JobItemsSearch;
  onSearch: (change: Partial<JobItemsSearch>) => void;
}

/** Each person's result, filtered by outcome (tabs with counts) and paged. */
export function JobItems({ job, items, fetching, search, onSearch }: JobItemsProps) {
  const t = useTranslations("jobs");
  const format = useFormatter();
  const current = FILTERS.includes(search.state) ? search.state : "remaining";
  return (
    <section aria-labelledby="job-items-heading" className="space-y-3">
      <h2 id="job-items-heading" className="text-lg font-semibold">
        {t("items.heading")}
      </h2>
      <TabsList aria-label={t("items.filters")} className="h-auto flex-wrap">
        {FILTERS.map((filter) => {
          const label = filter === null ? t("outcome.all") : t(`outcome.${filter === "pending" || filter === "running" ? "remaining" : filter}`, { kind: job.kind });
          return (
            <TabsTrigger key={filter ?? "all"} id={tabId(filter)} selected={filter === current} aria-controls={PANEL_ID} onClick={() => onSearch({ state: filter })}>
              {label}
              <span className="rounded-sm bg-muted px-1.5 text-xs text-foreground tabular-nums">{format.number(filterCount(filter, job), "integer")}</span>
            </TabsTrigger>
          );
        })}
      </TabsList>
      <TabsPanel id={PANEL_ID} aria-labelledby={tabId(current)} className="space-y-3">
        <JobItemsTable job={job} rows={items?.rows ?? null} fetching={fetching} />
        {items ? <SimplePager page={items.page} pageSize={items.pageSize} total={items.total} summary={(range) => t("items.pager", range)} onPage={(page) => onSearch({ page })} /> : null}
      </TabsPanel>
    </section>
  );
}
