"use client";

import { useTimeZone, useTranslations } from "next-intl";
import { useId } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { SCHEDULE_POLICIES, type SchedulePolicy } from "@/lib/schedule/vocabulary";

export interface WhenValue {
  mode: "now" | "later";
  day: string;
  time: string;
  policy: SchedulePolicy;
}

interface WhenFieldProps {
  value: WhenValue;
  error: string | null;
  dayId: string;
  onChange: (value: WhenValue) => void;
  /** Editing a schedule: only the date, time and policy (no "Deactivate now"). */
  laterOnly?: boolean;
}

/**
 * "Deactivate now" or "On a date" (and maybe a time) on the organisation's clock (APP_TIME_ZONE,
 * next-intl's time zone); without a time, the end of that day. What to do if blocking open work
 * remains at that time is the schedule's policy.
 */
export function WhenField({ value, error, dayId, onChange, laterOnly = false }: WhenFieldProps) {
  const t = useTranslations("schedule");
  const zone = useTimeZone() ?? "UTC";
  const ids = { now: useId(), later: useId(), time: useId(), hint: useId(), error: useId(), policy: useId() };
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">{t("when.legend")}</legend>
      <div className="flex flex-wrap gap-4 text-sm" hidden={laterOnly}>
        <label htmlFor={ids.now} className="flex items-center gap-2">
          <input id={ids.now} type="radio" name={ids.now} checked={value.mode === "now"} onChange={() => onChange({ ...value, mode: "now" })} />
          {t("when.now")}
        </label>
        <label htmlFor={ids.later} className="flex items-center gap-2">
          <input id={ids.later} type="radio" name={ids.now} checked={value.mode === "later"} onChange={() => onChange({ ...value, mode: "later" })} />
          {t("when.later")}
        </label>
      </div>
      {value.mode === "later" ? (
        <div className="grid gap-3">
          <div className="flex flex-wrap gap-3">
            <div className="grid gap-1">
              <Label htmlFor={dayId}>{t("when.day")}</Label>
              <Input
                id={dayId}
                type="date"
                value={value.day}
                required
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${ids.error} ${ids.hint}` : ids.hint}
                onChange={(event) => onChange({ ...value, day: event.target.value })}
              />
            </div>
            <div className="grid gap-1">
              <Label htmlFor={ids.time}>{t("when.time")}</Label>
              <Input id={ids.time} type="time" value={value.time} aria-describedby={ids.hint} onChange={(event) => onChange({ ...value, time: event.target.value })} />
            </div>
          </div>
          <p id={ids.hint} className="text-xs text-muted-foreground">
            {t("when.timeHint", { zone })}
          </p>
          {error ? (
            <p id={ids.error} className="text-sm text-destructive">
              {error}
            </p>
          ) : null}
          <div className="grid gap-1">
            <Label htmlFor={ids.policy}>{t("when.policy")}</Label>
            <NativeSelect id={ids.policy} value={value.policy} onChange={(event) => onChange({ ...value, policy: event.target.value as SchedulePolicy })}>
              {SCHEDULE_POLICIES.map((policy) => (
                <option key={policy} value={policy}>
                  {t(`policies.${policy}`)}
                </option>
              ))}
            </NativeSelect>
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}

/** For an import whose people each have their own last day: only the policy is asked. */
export function PolicyField({ value, onChange }: { value: SchedulePolicy; onChange: (value: SchedulePolicy) => void }) {
  const t = useTranslations("schedule");
  const zone = useTimeZone() ?? "UTC";
  const ids = { policy: useId(), hint: useId() };
  return (
    <div className="grid gap-1">
      <p id={ids.hint} className="text-sm text-muted-foreground">
        {t("when.eachHint", { zone })}
      </p>
      <Label htmlFor={ids.policy}>{t("when.policy")}</Label>
      <NativeSelect id={ids.policy} value={value} aria-describedby={ids.hint} onChange={(event) => onChange(event.target.value as SchedulePolicy)}>
        {SCHEDULE_POLICIES.map((policy) => (
          <option key={policy} value={policy}>
            {t(`policies.${policy}`)}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
