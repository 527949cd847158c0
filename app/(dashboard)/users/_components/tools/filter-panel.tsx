"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { ErrorMessage } from "@/components/error-message";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { DateField } from "@/components/ui/date-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NO_FILTERS, type UserFilters } from "@/lib/client/user-filters";
import { facetsQuery } from "./facets-query";
import { FilterChecklist } from "./filter-checklist";

const LIST_FILTERS = [
  ["accessLevel", "accessLevel"],
  ["group", "group"],
  ["company", "company"],
  ["manager", "manager"],
] as const;

/**
 * The users page's filters: licence types, access levels, home groups, companies and managers (any
 * of those ticked), last login older than N days (or never), never signed in, created before a
 * day. Every control is native, labelled and in tab order; each change goes to the URL at once.
 */
export function FilterPanel({ id, filters, onChange }: { id: string; filters: UserFilters; onChange: (change: Partial<UserFilters>) => void }) {
  const t = useTranslations("userTools.filters");
  const facets = useQuery(facetsQuery());
  const daysId = useId();
  const createdId = useId();
  const neverId = useId();
  const licenceLegend = useId();
  if (facets.isPending) {
    return (
      <p id={id} className="text-sm text-muted-foreground" role="status">
        {t("loading")}
      </p>
    );
  }
  if (facets.error) {
    return (
      <p id={id} role="alert" className="text-sm text-destructive">
        {<>{t("failed")} <ErrorMessage error={facets.error} /></>}
      </p>
    );
  }
  const data = facets.data;
  return (
    <section id={id} aria-label={t("region")} className="grid gap-4 rounded-md border p-4 sm:grid-cols-2 lg:grid-cols-4">
      <fieldset aria-labelledby={licenceLegend} className="flex flex-col gap-1.5">
        <span id={licenceLegend} className="text-sm font-medium">
          {t("licence")}
        </span>
        {data.license.map((option) => {
          const checked = filters.license.includes(option.value);
          return (
            <label key={option.value} className="flex items-center gap-2 text-sm">
              <Checkbox
                checked={checked}
                onChange={() =>
                  onChange({ license: checked ? filters.license.filter((code) => code !== option.value) : [...filters.license, option.value] })
                }
              />
              {t("option", { label: option.label ?? option.value, count: option.count })}
            </label>
          );
        })}
      </fieldset>
      <div className="flex flex-col gap-3">
        {LIST_FILTERS.map(([key, word]) => (
          <FilterChecklist key={key} label={t(word)} options={data[key]} values={filters[key]} onChange={(values) => onChange({ [key]: values })} />
        ))}
      </div>
      <div className="flex flex-col gap-3">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={daysId}>{t("lastLoginOlder")}</Label>
          <Input
            id={daysId}
            type="number"
            inputMode="numeric"
            min={1}
            max={36500}
            className="max-w-32"
            value={filters.lastLoginOlderThan ?? ""}
            onChange={(event) => {
              const days = Number(event.target.value);
              onChange({ lastLoginOlderThan: Number.isInteger(days) && days >= 1 && days <= 36_500 ? days : null });
            }}
          />
        </div>
        <label htmlFor={neverId} className="flex items-center gap-2 text-sm">
          <Checkbox id={neverId} checked={filters.neverSignedIn} onChange={(event) => onChange({ neverSignedIn: event.target.checked })} />
          {t("neverSignedIn")}
        </label>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={createdId}>{t("createdBefore")}</Label>
          <DateField id={createdId} className="max-w-44" value={filters.createdBefore ?? null} onValueChange={(createdBefore) => onChange({ createdBefore })} />
        </div>
      </div>
      <div className="flex items-end">
        <Button type="button" variant="outline" size="sm" onClick={() => onChange(NO_FILTERS)}>
          {t("clear")}
        </Button>
      </div>
    </section>
  );
}
