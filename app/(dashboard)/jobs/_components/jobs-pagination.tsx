import { LinkPager } from "@/components/ui/link-pager";

export function JobsPagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  return (
    <LinkPager
      label="Jobs pages"
      page={page}
      pages={Math.max(1, Math.ceil(total / pageSize))}
      hrefFor={(target) => (target > 1 ? `/jobs?page=${target}` : "/jobs")}
      summary={total === 0 ? "No jobs" : `${total.toLocaleString("en")} ${total === 1 ? "job" : "jobs"}`}
    />
  );
}
