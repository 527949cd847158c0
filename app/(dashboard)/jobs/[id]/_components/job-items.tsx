"use client";

import { SimplePager } from "@/components/ui/simple-pager";
import { TabsList, TabsPanel, TabsTrigger } from "@/components/ui/tabs";
import type { JobItemsSearch } from "@/lib/client/job-search";
import type { JobDto, JobItemsPageDto } from "@/lib/jobs/dto";
import type { ItemFilter } from "@/lib/jobs/schemas";
import { doneWords } from "../../_components/job-words";
import { JobItemsTable } from "./job-items-table";

const PANEL_ID = "job-items-panel";

/** The outcome filters, with what each counts on the job; the ones not listed here are folded in. */
type Shown = ItemFilter | null;
const FILTERS: Shown[] = [null, "succeeded", "already", "failed", "refused", "cancelled", "remaining"];

function filterLabel(filter: Shown, job: JobDto): { label: string; count: number } {
  const { counts } = job;
  switch (filter) {
    case null:
      return { label: "All", count: counts.total };
    case "succeeded":
      return { label: doneWords[job.kind].succeeded, count: counts.succeeded };
    case "already":
      return { label: doneWords[job.kind].already, count: counts.already };
    case "remaining":
    case "pending":
    case "running":
      return { label: "Remaining", count: counts.remaining };
    default:
      return { label: filter.charAt(0).toUpperCase() + filter.slice(1), count: counts[filter] };
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
  const current = FILTERS.includes(search.state) ? search.state : "remaining";
  return (
    <section aria-labelledby="job-items-heading" className="space-y-3">
      <h2 id="job-items-heading" className="text-lg font-semibold">
        Results per person
      </h2>
      <TabsList aria-label="Filter by outcome" className="h-auto flex-wrap">
        {FILTERS.map((filter) => {
          const { label, count } = filterLabel(filter, job);
          return (
            <TabsTrigger key={filter ?? "all"} id={tabId(filter)} selected={filter === current} aria-controls={PANEL_ID} onClick={() => onSearch({ state: filter })}>
              {label}
              <span className="rounded-sm bg-muted px-1.5 text-xs text-foreground tabular-nums">{count.toLocaleString("en")}</span>
            </TabsTrigger>
          );
        })}
      </TabsList>
      <TabsPanel id={PANEL_ID} aria-labelledby={tabId(current)} className="space-y-3">
        <JobItemsTable job={job} rows={items?.rows ?? null} fetching={fetching} />
        {items ? <SimplePager page={items.page} pageSize={items.pageSize} total={items.total} noun="people" onPage={(page) => onSearch({ page })} /> : null}
      </TabsPanel>
    </section>
  );
}
