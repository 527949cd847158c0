"use client";

import { useTranslations } from "next-intl";
import { LinkPager } from "@/components/ui/link-pager";

export function JobsPagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const t = useTranslations("jobs.list");
  return (
    <LinkPager
      label={t("pages")}
      page={page}
      pages={Math.max(1, Math.ceil(total / pageSize))}
      hrefFor={(target) => (target > 1 ? `/jobs?page=${target}` : "/jobs")}
      summary={t("summary", { total })}
    />
  );
}
