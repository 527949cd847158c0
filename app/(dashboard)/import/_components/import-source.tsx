"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { MatchRequest } from "@/lib/client/bulk-api";
import { decodeFile } from "@/lib/client/decode-file";
import { MAX_IMPORT_LINES } from "@/lib/offboarding/parse-leavers";
import { type ImportSourceName, fileNamed, pastedList } from "./source-name";

/** The server reads at most this much; a bigger file is refused here, before it is sent. */
const MAX_FILE_MB = 4;
const MAX_FILE_BYTES = MAX_FILE_MB * 1_000_000;

interface ImportSourceProps {
  pending: boolean;
  onSubmit: (request: MatchRequest, source: ImportSourceName) => void;
}

/** Two ways in: a CSV file with a header, or a pasted list, one value per line. */
export function ImportSource({ pending, onSubmit }: ImportSourceProps) {
  const t = useTranslations("bulk.source");
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  async function submitFile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (!file) return setProblem(t("noFile"));
    if (file.size > MAX_FILE_BYTES) return setProblem(t("fileTooBig", { size: Math.round(file.size / 1_000_000), max: MAX_FILE_MB }));
    setProblem(null);
    // Not file.text(), which reads UTF-8 only: German Excel saves CSV in Windows-1252.
    const { text: csv, encoding } = decodeFile(new Uint8Array(await file.arrayBuffer()));
    onSubmit({ csv }, fileNamed(file.name, encoding));
  }

  function submitText(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (!text.trim()) return setProblem(t("noText"));
    setProblem(null);
    onSubmit({ text }, pastedList);
  }

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form onSubmit={submitFile} noValidate className="grid content-start gap-3 rounded-lg border p-4" aria-labelledby="import-file-heading">
        <h2 id="import-file-heading" className="font-semibold">
          {t("fileHeading")}
        </h2>
        <div className="grid gap-2">
          <Label htmlFor="import-file">{t("fileLabel")}</Label>
          <Input id="import-file" type="file" accept=".csv,.txt,text/csv,text/plain" className="h-auto py-1.5" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
          <p className="text-xs text-muted-foreground">{t("fileHint", { max: MAX_IMPORT_LINES })}</p>
        </div>
        <Button type="submit" aria-disabled={pending || undefined} className="justify-self-start">
          {t("checkFile")}
        </Button>
      </form>
      <form onSubmit={submitText} noValidate className="grid content-start gap-3 rounded-lg border p-4" aria-labelledby="import-paste-heading">
        <h2 id="import-paste-heading" className="font-semibold">
          {t("pasteHeading")}
        </h2>
        <div className="grid gap-2">
          <Label htmlFor="import-text">{t("pasteLabel")}</Label>
          <Textarea id="import-text" rows={6} value={text} spellCheck={false} onChange={(event) => setText(event.target.value)} />
        </div>
        <Button type="submit" aria-disabled={pending || undefined} className="justify-self-start">
          {t("checkList")}
        </Button>
      </form>
      {problem ? (
        <p role="alert" className="text-sm text-destructive lg:col-span-2">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
