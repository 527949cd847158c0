import { RefreshCwIcon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The job could not be refreshed: the page keeps the last answer and says so. */
export function JobErrorBanner({ error, onRetry }: { error: Error; onRetry: () => void }) {
  return (
    <Alert variant="destructive" className="flex items-start gap-3">
      <div className="flex-1">
        <AlertTitle>The job&apos;s progress could not be refreshed</AlertTitle>
        <AlertDescription>{error.message} The figures below are the last ones received; the job itself keeps running.</AlertDescription>
      </div>
      <Button variant="outline" size="sm" className="text-foreground" onClick={onRetry}>
        <RefreshCwIcon className="size-4" aria-hidden />
        Try again
      </Button>
    </Alert>
  );
}
