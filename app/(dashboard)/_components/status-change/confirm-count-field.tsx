import { useTranslations } from "next-intl";
import { useId } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

interface ConfirmCountFieldProps {
  id: string;
  /** The number to type: how many people the change covers. */
  people: number;
  threshold: number;
  value: string;
  error: string | null;
  onChange: (value: string) => void;
}

/**
 * Above the threshold the operator types the number of people: a large wave is confirmed by
 * reading its size, not by a reflex click. The server checks the same number.
 */
export function ConfirmCountField({ id, people, threshold, value, error, onChange }: ConfirmCountFieldProps) {
  const t = useTranslations("statusChange.confirmCount");
  const hintId = useId();
  const errorId = useId();
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{t("label", { count: people })}</Label>
      <Input
        id={id}
        value={value}
        inputMode="numeric"
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={hintId} className="text-xs text-muted-foreground">
        {t("hint", { threshold })}
      </p>
      {error ? (
        <p id={errorId} className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The typed count as a number, or null when it is not a whole number ("1,234", "1.234", "1 234" alike). */
export function parseCount(value: string): number | null {
  const digits = value.replace(/[\s,.'\u00a0\u202f]/g, "");
  return /^\d{1,7}$/.test(digits) ? Number(digits) : null;
}
