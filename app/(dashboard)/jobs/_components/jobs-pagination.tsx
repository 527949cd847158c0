import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/** Links, not buttons: each page of the jobs list is its own URL. */
export function JobsPagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (target: number, label: string, enabled: boolean) =>
    enabled ? (
      <Link href={target > 1 ? `/jobs?page=${target}` : "/jobs"} className={buttonVariants({ variant: "outline", size: "sm" })}>
        {label}
      </Link>
    ) : (
      <span aria-disabled className={cn(buttonVariants({ variant: "outline", size: "sm" }), "pointer-events-none opacity-50")}>
        {label}
      </span>
    );
  return (
    <nav aria-label="Jobs pages" className="flex items-center justify-between text-sm">
      <p className="text-muted-foreground">{total === 0 ? "No jobs" : `${total.toLocaleString("en")} ${total === 1 ? "job" : "jobs"}`}</p>
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
