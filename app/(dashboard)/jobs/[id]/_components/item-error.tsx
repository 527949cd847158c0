"use client";

import { useTranslations } from "next-intl";
import type { JobItemDto } from "@/lib/jobs/dto";
import { isRefusalCode } from "@/lib/offboarding/user-dto";

/**
 * Why a person failed or was refused: the reader's words for the error's code, and the server's
 * own message as a smaller detail (it may name what the code does not). A refusal's code says it
 * all, so it has no detail; unknown codes show only the server's message.
 */
export function ItemError({ item }: { item: Pick<JobItemDto, "errorCode" | "errorMessage"> }) {
  const t = useTranslations("jobs.itemErrors");
  const refusals = useTranslations("bulk.reasons.protected");
  const common = useTranslations("common");
  const code = item.errorCode;
  if (isRefusalCode(code)) return <>{refusals(code)}</>;
  if (!code || !t.has(code as Parameters<typeof t.has>[0])) return <>{item.errorMessage ?? ""}</>;
  const message = t(code as Parameters<typeof t>[0]);
  return (
    <>
      <span className="block">{message}</span>
      {item.errorMessage && item.errorMessage !== message ? (
        <span className="block text-xs text-muted-foreground">{common("errorDetail", { message: item.errorMessage })}</span>
      ) : null}
    </>
  );
}
