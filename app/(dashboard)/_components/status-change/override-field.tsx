import { useTranslations } from "next-intl";
import { useId } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import type { OverridableProtection } from "@/lib/offboarding/user-dto";

interface OverrideFieldProps {
  id: string;
  protection: OverridableProtection;
  checked: boolean;
  error: string | null;
  onChange: (checked: boolean) => void;
}

/**
 * An admin deactivating a protected account says so explicitly: the protection is named, and the
 * box must be ticked before the change is sent. The audit log records the override.
 */
export function OverrideField({ id, protection, checked, error, onChange }: OverrideFieldProps) {
  const t = useTranslations("statusChange.override");
  const reason = useTranslations("users.protection");
  const ids = { why: useId(), error: useId() };
  return (
    <div className="grid gap-2 rounded-md border border-destructive/50 p-3">
      <p id={ids.why} className="text-sm">
        <span className="font-medium">{t("title")}</span> {reason(protection)} {t("explanation")}
      </p>
      <label htmlFor={id} className="flex items-start gap-2 text-sm font-medium">
        <Checkbox
          id={id}
          checked={checked}
          className="mt-0.5"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${ids.error} ${ids.why}` : ids.why}
          onChange={(event) => onChange(event.target.checked)}
        />
        {t("confirm")}
      </label>
      {error ? (
        <p id={ids.error} className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
