import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";

interface AuditPaginationProps {
  page: number;
  pageSize: number;
  total: number;
  params: Record<string, string>;
}

/** Links, not buttons: each page of the log is its own URL. */
export function AuditPagination({ page, pageSize, total, params }: AuditPaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (target: number) => `/audit?${new URLSearchParams({ ...params, page: String(target) })}`;
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const link = (target: number, label: string, enabled: boolean) =>
    enabled ? (
      <Link href={href(target)} className={buttonVariants({ variant: "outline", size: "sm" })}>
        {label}
      </Link>
    ) : (
      <span aria-disabled className={cn(buttonVariants({ variant: "outline", size: "sm" }), "pointer-events-none opacity-50")}>
        {label}
      </span>
    );
  return (
    <nav aria-label="Audit log pages" className="flex items-center justify-between text-sm">
      <p className="text-muted-foreground">
        {total === 0 ? "No entries" : `Entries ${first.toLocaleString("en")}–${last.toLocaleString("en")} of ${total.toLocaleString("en")}`}
      </p>
      <div className="flex items-center gap-2">
        {link(page - 1, "Previous", page > 1)}
        <span>
          Page {page} of {pages}
        </span>
        {link(page + 1, "Next", page < pages)}
      </div>
    </nav>
  );
}
