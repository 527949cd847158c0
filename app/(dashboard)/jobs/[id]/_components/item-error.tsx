"use client";

import { useTranslations } from "next-intl";
import type { JobItemDto } from "@/lib/jobs/dto";

/**
 * Why a person failed or was refused: the reader's words for the error's code, and the server's
 * own message as a smaller detail (it may name what the code does not). Unknown codes show only
 * the server's message.
 */
export function ItemError({ item }: { item: Pick<JobItemDto, "errorCode" | "errorMessage"> }) {
  const t = useTranslations("jobs.itemErrors");
  const common = useTranslations("common");
  const code = item.errorCode as Parameters<typeof t.has>[0] | null;
  if (!code || !t.has(code)) return <>{item.errorMessage ?? ""}</>;
  const message = t(code);
  return (
    <>
      <span className="block">{message}</span>
      {item.errorMessage && item.errorMessage !== message ? (
        <span className="block text-xs text-muted-foreground">{common("errorDetail", { message: item.errorMessage })}</span>
      ) : null}
    </>
  );
}
