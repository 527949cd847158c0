"use client";

import { Columns3, Filter } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { OptionalUserColumn } from "@/lib/client/user-columns";
import { type UserFilters, appendFilterParams, filterCount } from "@/lib/client/user-filters";
import type { UserSearch } from "@/lib/client/user-search";
import { ExportButton } from "./export-button";

// Loaded when first opened: the users page keeps its first-load budget (README, Choices).
const FilterPanel = dynamic(() => import("./filter-panel").then((module) => module.FilterPanel), { ssr: false });
const ColumnsMenu = dynamic(() => import("./columns-menu").then((module) => module.ColumnsMenu), { ssr: false });

/** The export's address: the page's search and filters, in the reader's language. */
export function exportHref(search: Pick<UserSearch, "q" | "status">, filters: UserFilters, locale: string): string {
  const params = appendFilterParams(new URLSearchParams({ q: search.q, status: search.status }), filters);
  params.set("locale", locale);
  return `/api/users/export?${params}`;
}

/** Above the users table: Filters, Columns and Export CSV. */
export function UserTools({
  search,
  filters,
  onFilters,
  columns,
  onColumns,
}: {
  search: UserSearch;
  filters: UserFilters;
  onFilters: (change: Partial<UserFilters>) => void;
  columns: readonly OptionalUserColumn[];
  onColumns: (columns: OptionalUserColumn[]) => void;
}) {
  const t = useTranslations("userTools");
  const locale = useLocale();
  const active = filterCount(filters);
  const [filtersOpen, setFiltersOpen] = useState(active > 0);
  const [columnsOpen, setColumnsOpen] = useState(false);
  const filtersId = useId();
  const columnsId = useId();
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" variant="outline" size="sm" aria-expanded={filtersOpen} aria-controls={filtersId} onClick={() => setFiltersOpen(!filtersOpen)}>
          <Filter aria-hidden className="size-4" />
          {t("filters.toggle")}
          {active > 0 ? <span className="rounded-full bg-primary px-1.5 text-xs text-primary-foreground">{t("filters.active", { count: active })}</span> : null}
        </Button>
        <Button type="button" variant="outline" size="sm" aria-expanded={columnsOpen} aria-controls={columnsId} onClick={() => setColumnsOpen(!columnsOpen)}>
          <Columns3 aria-hidden className="size-4" />
          {t("columns.toggle")}
        </Button>
        <ExportButton href={exportHref(search, filters, locale)} />
      </div>
      {filtersOpen ? <FilterPanel id={filtersId} filters={filters} onChange={onFilters} /> : null}
      {columnsOpen ? <ColumnsMenu id={columnsId} shown={columns} onChange={onColumns} /> : null}
    </div>
  );
}
