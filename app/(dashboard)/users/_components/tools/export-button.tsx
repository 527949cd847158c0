"use client";

import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage } from "@/components/error-message";
import { Button } from "@/components/ui/button";
import { RequestError } from "@/lib/client/fetch-json";

/** The file name the server gave (content-disposition), or a plain one. */
function fileNameOf(response: Response): string {
  return /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "wf-offboard-users.csv";
}

/**
 * Export CSV: fetched, then saved from the browser, so that a refusal (more people than an export
 * holds, a filter the server refuses, the index not built yet) is a message on the page rather than
 * a download the browser reports as failed. The server refuses before the first byte, so the
 * answer's status says it all.
 */
export function ExportButton({ href }: { href: string }) {
  const t = useTranslations("userTools.export");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function exportCsv() {
    setPending(true);
    setError(null);
    try {
      const response = await fetch(href);
      if (!response.ok) {
        const body = (await response.json().catch(() => undefined)) as { error?: { code?: unknown; message?: unknown } } | undefined;
        const code = typeof body?.error?.code === "string" ? body.error.code : "http_error";
        throw new RequestError(response.status, code, typeof body?.error?.message === "string" ? body.error.message : `HTTP ${response.status}`);
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = fileNameOf(response);
      link.click();
      URL.revokeObjectURL(url);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button type="button" variant="outline" size="sm" title={t("hint")} disabled={pending} aria-busy={pending} onClick={() => void exportCsv()}>
        <Download aria-hidden className="size-4" />
        {pending ? t("pending") : t("button")}
      </Button>
      {error ? (
        <div role="alert" className="basis-full text-sm text-destructive">
          <p className="font-medium">{t("failed")}</p>
          <ErrorMessage error={error} />
        </div>
      ) : null}
    </>
  );
}
