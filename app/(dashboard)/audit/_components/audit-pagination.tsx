import { useTranslations } from "next-intl";
import { LinkPager } from "@/components/ui/link-pager";

interface AuditPaginationProps {
  page: number;
  pageSize: number;
  total: number;
  params: Record<string, string>;
}

export function AuditPagination({ page, pageSize, total, params }: AuditPaginationProps) {
  const t = useTranslations("audit.pager");
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <LinkPager
      label={t("label")}
      page={page}
      pages={Math.max(1, Math.ceil(total / pageSize))}
      hrefFor={(target) => `/audit?${new URLSearchParams({ ...params, page: String(target) })}`}
      summary={t("summary", { first, last, total })}
    />
  );
}
