"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { MatchRequest } from "@/lib/client/bulk-api";

/** The server reads at most this much; a bigger file is refused here, before it is sent. */
const MAX_FILE_BYTES = 4_000_000;

interface ImportSourceProps {
  pending: boolean;
  onSubmit: (request: MatchRequest, name: string) => void;
}

/** Two ways in: a CSV file with a header, or a pasted list, one value per line. */
export function ImportSource({ pending, onSubmit }: ImportSourceProps) {
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  async function submitFile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (!file) return setProblem("Choose a CSV file first.");
    if (file.size > MAX_FILE_BYTES) return setProblem(`The file is ${Math.round(file.size / 1_000_000)} MB; at most 4 MB at once. Split it.`);
    setProblem(null);
    onSubmit({ csv: await file.text() }, file.name);
  }

  function submitText(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (!text.trim()) return setProblem("Paste at least one e-mail, username or ID.");
    setProblem(null);
    onSubmit({ text }, "the pasted list");
  }

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form onSubmit={submitFile} noValidate className="grid content-start gap-3 rounded-lg border p-4" aria-labelledby="import-file-heading">
        <h2 id="import-file-heading" className="font-semibold">
          Upload a CSV file
        </h2>
        <div className="grid gap-2">
          <Label htmlFor="import-file">CSV file with a header row</Label>
          <Input id="import-file" type="file" accept=".csv,.txt,text/csv,text/plain" className="h-auto py-1.5" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
          <p className="text-xs text-muted-foreground">The column named e-mail, username or ID is read; you can choose another. Up to 10,000 rows.</p>
        </div>
        <Button type="submit" aria-disabled={pending || undefined} className="justify-self-start">
          Check the file
        </Button>
      </form>
      <form onSubmit={submitText} noValidate className="grid content-start gap-3 rounded-lg border p-4" aria-labelledby="import-paste-heading">
        <h2 id="import-paste-heading" className="font-semibold">
          Or paste a list
        </h2>
        <div className="grid gap-2">
          <Label htmlFor="import-text">E-mails, usernames or Workfront IDs, one per line</Label>
          <Textarea id="import-text" rows={6} value={text} spellCheck={false} onChange={(event) => setText(event.target.value)} />
        </div>
        <Button type="submit" aria-disabled={pending || undefined} className="justify-self-start">
          Check the list
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
