"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { ErrorMessage } from "@/components/error-message";
import { Checkbox } from "@/components/ui/checkbox";
import { fetchJson } from "@/lib/client/fetch-json";
import { OPTIONAL_USER_COLUMNS, type OptionalUserColumn } from "@/lib/client/user-columns";

/**
 * The columns the reader chose: shown at once, and saved on their account so that every browser
 * they sign in from shows the same (PUT /api/preferences/users-columns).
 */
export function ColumnsMenu({ id, shown, onChange }: { id: string; shown: readonly OptionalUserColumn[]; onChange: (shown: OptionalUserColumn[]) => void }) {
  const t = useTranslations("userTools.columns");
  const legendId = useId();
  const save = useMutation({
    mutationFn: (columns: OptionalUserColumn[]) =>
      fetchJson<{ columns: OptionalUserColumn[] }>("/api/preferences/users-columns", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ columns }),
      }),
  });
  function toggle(column: OptionalUserColumn, on: boolean) {
    const next = OPTIONAL_USER_COLUMNS.filter((candidate) => (candidate === column ? on : shown.includes(candidate)));
    onChange(next);
    save.mutate(next);
  }
  return (
    <fieldset id={id} aria-labelledby={legendId} className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-md border p-3">
      <span id={legendId} className="text-sm font-medium">
        {t("legend")}
      </span>
      {OPTIONAL_USER_COLUMNS.map((column) => (
        <label key={column} className="flex items-center gap-2 text-sm">
          <Checkbox checked={shown.includes(column)} onChange={(event) => toggle(column, event.target.checked)} />
          {t(column)}
        </label>
      ))}
      {save.error ? (
        <p role="alert" className="w-full text-sm text-destructive">
          {<>{t("saveFailed")} <ErrorMessage error={save.error} /></>}
        </p>
      ) : null}
    </fieldset>
  );
}
