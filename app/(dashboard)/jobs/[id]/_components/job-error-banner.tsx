"use client";

import { RefreshCwIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/error-message";

/** The job could not be refreshed: the page keeps the last answer and says so. */
export function JobErrorBanner({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const t = useTranslations("jobs.refreshFailed");
  const common = useTranslations("common");
  return (
    <Alert variant="destructive" className="flex items-start gap-3">
      <div className="flex-1">
        <AlertTitle>{t("title")}</AlertTitle>
        <AlertDescription>
          <p>{t("hint")}</p>
          <ErrorMessage error={error} />
        </AlertDescription>
      </div>
      <Button variant="outline" size="sm" className="text-foreground" onClick={onRetry}>
        <RefreshCwIcon className="size-4" aria-hidden />
        {common("actions.retry")}
      </Button>
    </Alert>
  );
}
