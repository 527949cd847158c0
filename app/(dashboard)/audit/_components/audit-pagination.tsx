import { LinkPager } from "@/components/ui/link-pager";

interface AuditPaginationProps {
  page: number;
  pageSize: number;
  total: number;
  params: Record<string, string>;
}

export function AuditPagination({ page, pageSize, total, params }: AuditPaginationProps) {
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const count = (n: number) => n.toLocaleString("en");
  return (
    <LinkPager
      label="Audit log pages"
      page={page}
      pages={Math.max(1, Math.ceil(total / pageSize))}
      hrefFor={(target) => `/audit?${new URLSearchParams({ ...params, page: String(target) })}`}
      summary={total === 0 ? "No entries" : `Entries ${count(first)}–${count(last)} of ${count(total)}`}
    />
  );
}
