import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";

interface LinkPagerProps {
  /** Names the navigation landmark, e.g. "Audit log pages" (translated by the caller). */
  label: string;
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  summary: ReactNode;
}

/** Previous / Page X of Y / Next as links, not buttons: each page is its own URL. */
export function LinkPager({ label, page, pages, hrefFor, summary }: LinkPagerProps) {
  const t = useTranslations("common");
  const step = (target: number, text: string, enabled: boolean) =>
    enabled ? (
      <Link href={hrefFor(target)} className={buttonVariants({ variant: "outline", size: "sm" })}>
        {text}
      </Link>
    ) : (
      <span aria-disabled className={cn(buttonVariants({ variant: "outline", size: "sm" }), "pointer-events-none opacity-50")}>
        {text}
      </span>
    );
  return (
    <nav aria-label={label} className="flex items-center justify-between text-sm">
      <p className="text-muted-foreground">{summary}</p>
      <div className="flex items-center gap-2">
        {step(page - 1, t("actions.previous"), page > 1)}
        <span className="tabular-nums">{t("pager.page", { page, pages })}</span>
        {step(page + 1, t("actions.next"), page < pages)}
      </div>
    </nav>
  );
}
