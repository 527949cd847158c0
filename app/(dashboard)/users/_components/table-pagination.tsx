"use client";

import { ChevronLeftIcon, ChevronRightIcon, ChevronsLeftIcon, ChevronsRightIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { PAGE_SIZES, type PageSize } from "@/lib/client/user-search";

interface TablePaginationProps {
  page: number;
  pageSize: PageSize;
  /** Rows matching the view; undefined while the first page loads. */
  total: number | undefined;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: PageSize) => void;
}

export function pageCountOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function TablePagination({ page, pageSize, total, onPageChange, onPageSizeChange }: TablePaginationProps) {
  const t = useTranslations("users.pagination");
  const common = useTranslations("common");
  const pageCount = total === undefined ? page : pageCountOf(total, pageSize);
  const first = total ? (page - 1) * pageSize + 1 : 0;
  const last = total ? Math.min(page * pageSize, total) : 0;
  const known = total !== undefined;
  const pages = [
    { key: "first", label: t("first"), icon: ChevronsLeftIcon, target: 1, enabled: known && page > 1 },
    { key: "previous", label: t("previous"), icon: ChevronLeftIcon, target: page - 1, enabled: known && page > 1 },
    { key: "next", label: t("next"), icon: ChevronRightIcon, target: page + 1, enabled: known && page < pageCount },
    { key: "last", label: t("last"), icon: ChevronsRightIcon, target: pageCount, enabled: known && page < pageCount },
  ];

  return (
    <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
      {/* Polite live region: a screen reader hears the result of a search or a page turn. */}
      <p role="status" className="text-muted-foreground">
        {known ? (total === 0 ? t("noUsers") : t("summary", { first, last, total })) : t("loading")}
      </p>
      <div className="flex flex-wrap items-center gap-4">
        <div className="flex items-center gap-2">
          <label htmlFor="users-page-size" className="font-medium">
            {t("rowsPerPage")}
          </label>
          <NativeSelect
            id="users-page-size"
            value={pageSize}
            onChange={(event) => {
              const size = PAGE_SIZES.find((option) => String(option) === event.target.value);
              if (size) onPageSizeChange(size);
            }}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </NativeSelect>
        </div>
        <p className="font-medium tabular-nums">
          {common("pager.page", { page, pages: pageCount })}
        </p>
        <div className="flex items-center gap-1">
          {pages.map(({ key, label, icon: Icon, target, enabled }) => (
            <Button key={key} variant="outline" size="icon" className="size-8" disabled={!enabled} onClick={() => onPageChange(target)}>
              <span className="sr-only">{label}</span>
              <Icon className="size-4" aria-hidden />
            </Button>
          ))}
        </div>
      </div>
    </div>
  );
}
