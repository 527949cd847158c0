"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { FacetOptionDto } from "./facets-query";

/**
 * One filter with one value at a time (access level, group, company, manager): a native select,
 * keyboard-operable as the platform makes it. A value the URL names but the tenant no longer has
 * stays offered, so the select never shows a filter other than the one in force.
 */
export function FilterSelect({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: FacetOptionDto[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const t = useTranslations("userTools.filters");
  const id = useId();
  const known = value === undefined || options.some((option) => option.value === value);
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} value={value ?? ""} onChange={(event) => onChange(event.target.value || undefined)} className="max-w-64">
        <option value="">{t("any")}</option>
        {known ? null : <option value={value}>{value}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {t("option", { label: option.label ?? t("unnamed"), count: option.count })}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
