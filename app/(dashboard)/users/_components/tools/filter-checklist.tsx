"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import type { FacetOptionDto } from "./facets-query";

/** Above this many options a text box narrows the list (a tenant has thousands of managers). */
const NARROW_FROM = 8;

/**
 * One filter with any number of values (access levels, groups, companies, managers): a group of
 * native checkboxes, each in tab order and toggled with Space, in a list that scrolls with the
 * focus; a text box narrows a long list by name. Values the URL names but the tenant no longer
 * has stay listed (ticked), so the list never shows a filter other than the one in force.
 */
export function FilterChecklist({
  label,
  options,
  values,
  onChange,
}: {
  label: string;
  options: FacetOptionDto[];
  values: readonly string[];
  onChange: (values: string[]) => void;
}) {
  const t = useTranslations("userTools.filters");
  const legendId = useId();
  const [narrow, setNarrow] = useState("");
  const gone = values.filter((value) => !options.some((option) => option.value === value)).map((value) => ({ value, label: value, count: 0 }));
  const all = [...gone, ...options];
  const needle = narrow.trim().toLocaleLowerCase();
  const shown = needle ? all.filter((option) => values.includes(option.value) || (option.label ?? "").toLocaleLowerCase().includes(needle)) : all;
  const toggle = (value: string, on: boolean) => onChange(on ? [...values, value] : values.filter((chosen) => chosen !== value));
  return (
    <fieldset aria-labelledby={legendId} className="flex flex-col gap-1.5">
      <span id={legendId} className="text-sm font-medium">
        {label}
        {values.length > 0 ? <span className="font-normal text-muted-foreground"> · {t("chosen", { count: values.length })}</span> : null}
      </span>
      {all.length > NARROW_FROM ? (
        <Input type="search" aria-label={t("narrow", { label })} placeholder={t("narrowPlaceholder")} value={narrow} onChange={(event) => setNarrow(event.target.value)} className="h-8 max-w-64" />
      ) : null}
      <div className="max-h-40 max-w-64 space-y-1 overflow-y-auto rounded-md border p-2">
        {shown.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm">
            <Checkbox checked={values.includes(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} />
            {t("option", { label: option.label ?? t("unnamed"), count: option.count })}
          </label>
        ))}
        {shown.length === 0 ? <p className="text-sm text-muted-foreground">{t("noMatch")}</p> : null}
      </div>
    </fieldset>
  );
}
