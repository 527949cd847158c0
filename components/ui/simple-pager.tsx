import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "./button";

// A type, not an interface, so that it can be handed to t() as its values.
export type PagerRange = {
  /** 1-based, 0 when there is nothing. */
  first: number;
  last: number;
  total: number;
};

interface SimplePagerProps {
  page: number;
  pageSize: number;
  total: number;
  /** What is shown, in words that count the caller's things: "Showing lines 1–100 of 2,000". */
  summary: (range: PagerRange) => string;
  onPage: (page: number) => void;
}

/** Previous and next through a list; the summary is a live region, so a page turn is heard. */
export function SimplePager({ page, pageSize, total, summary, onPage }: SimplePagerProps) {
  const t = useTranslations("common");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <div className="flex items-center justify-between gap-3 text-sm">
      <p role="status" className="text-muted-foreground">
        {summary({ first, last, total })}
      </p>
      <div className="flex items-center gap-2">
        <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          <ChevronLeftIcon className="size-4" aria-hidden />
          {t("actions.previous")}
        </Button>
        <span className="tabular-nums">{t("pager.page", { page, pages })}</span>
        <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          {t("actions.next")}
          <ChevronRightIcon className="size-4" aria-hidden />
        </Button>
      </div>
    </div>
  );
}
