import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import { Button } from "./button";

interface SimplePagerProps {
  page: number;
  pageSize: number;
  total: number;
  /** What is counted, plural: "people", "lines". */
  noun: string;
  onPage: (page: number) => void;
}

/** Previous and next through a list; the summary is a live region, so a page turn is heard. */
export function SimplePager({ page, pageSize, total, noun, onPage }: SimplePagerProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <div className="flex items-center justify-between gap-3 text-sm">
      <p role="status" className="text-muted-foreground">
        {total === 0 ? `No ${noun}` : `Showing ${noun} ${first.toLocaleString("en")}–${last.toLocaleString("en")} of ${total.toLocaleString("en")}`}
      </p>
      <div className="flex items-center gap-2">
        <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          <ChevronLeftIcon className="size-4" aria-hidden />
          Previous
        </Button>
        <span className="tabular-nums">
          Page {page} of {pages}
        </span>
        <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Next
          <ChevronRightIcon className="size-4" aria-hidden />
        </Button>
      </div>
    </div>
  );
}
