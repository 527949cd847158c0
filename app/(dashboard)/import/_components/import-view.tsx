"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { Role } from "@/lib/auth/roles";
import { type MatchRequest, matchLeavers } from "@/lib/client/bulk-api";
import { RequestError } from "@/lib/client/fetch-json";
import type { BulkRules } from "@/lib/jobs/config";
import { ErrorMessage } from "@/components/error-message";
import { ColumnPicker } from "./column-picker";
import { ImportPreview } from "./import-preview";
import { ImportSource } from "./import-source";
import type { ImportSourceName } from "./source-name";

/** A file the server could not read for want of a column: its header, to choose from. */
function headerOf(error: Error | null): string[] | null {
  if (!(error instanceof RequestError)) return null;
  const header = error.details.header;
  return Array.isArray(header) && header.every((cell) => typeof cell === "string") ? header : null;
}

/**
 * The import, step by step: choose a source → the server matches each line → preview (nothing
 * has changed) → the confirm dialog → a job. Going back keeps nothing half-done.
 */
export function ImportView({ role, rules }: { role: Role; rules: BulkRules }) {
  const t = useTranslations("bulk.source");
  const [source, setSource] = useState<{ request: MatchRequest; name: ImportSourceName } | null>(null);
  const match = useMutation({ mutationFn: (request: MatchRequest) => matchLeavers(request) });
  const header = headerOf(match.error);

  function check(request: MatchRequest, name: ImportSourceName) {
    setSource({ request, name });
    match.mutate(request);
  }

  if (match.data && source) {
    return <ImportPreview report={match.data} source={source.name} role={role} rules={rules} onStartOver={() => match.reset()} />;
  }
  return (
    <div className="space-y-4">
      <ImportSource pending={match.isPending} onSubmit={check} />
      {match.isPending && source ? (
        <p role="status" className="text-sm text-muted-foreground">
          {t("matching", source.name)}
        </p>
      ) : null}
      {match.error && header && source ? (
        <ColumnPicker error={match.error} header={header} onPick={(column) => check({ ...source.request, column }, source.name)} />
      ) : match.error && source ? (
        <Alert variant="destructive">
          <AlertTitle>{t("failed", source.name)}</AlertTitle>
          <AlertDescription>
            <ErrorMessage error={match.error} />
          </AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
