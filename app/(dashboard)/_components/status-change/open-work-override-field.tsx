import { useTranslations } from "next-intl";
import { useId } from "react";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

interface OpenWorkOverrideFieldProps {
  id: string;
  reason: string;
  error: string | null;
  onChange: (reason: string) => void;
}

/**
 * An admin deactivating someone whose open work blocks it says why (issue 16); the audit row keeps
 * the reason with who overrode it and what was blocking.
 */
export function OpenWorkOverrideField({ id, reason, error, onChange }: OpenWorkOverrideFieldProps) {
  const t = useTranslations("statusChange.openWork");
  const ids = { why: useId(), error: useId() };
  return (
    <div className="grid gap-2 rounded-md border border-destructive/50 p-3">
      <p id={ids.why} className="text-sm">
        <span className="font-medium">{t("overrideTitle")}.</span> {t("overrideExplanation")}
      </p>
      <Label htmlFor={id}>{t("overrideReason")}</Label>
      <Textarea
        id={id}
        value={reason}
        maxLength={500}
        rows={2}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${ids.error} ${ids.why}` : ids.why}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <p id={ids.error} className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
