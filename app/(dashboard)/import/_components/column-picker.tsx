"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { ErrorMessage } from "@/components/error-message";

/** The file's header did not say which column to read: the person picks it from the header. */
export function ColumnPicker({ error, header, onPick }: { error: unknown; header: string[]; onPick: (column: string) => void }) {
  const t = useTranslations("bulk.column");
  const [column, setColumn] = useState("1");
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onPick(column);
  }
  return (
    <form onSubmit={submit} className="space-y-3">
      <Alert>
        <AlertTitle>{t("title")}</AlertTitle>
        <AlertDescription>
          <ErrorMessage error={error} />
        </AlertDescription>
      </Alert>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="import-column" className="text-sm font-medium">
          {t("label")}
        </label>
        <NativeSelect id="import-column" value={column} onChange={(event) => setColumn(event.target.value)}>
          {header.map((name, index) => (
            // By number: two columns may share a name, or have none.
            <option key={index} value={String(index + 1)}>
              {name || t("unnamed", { number: index + 1 })}
            </option>
          ))}
        </NativeSelect>
        <Button type="submit" size="sm">
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
