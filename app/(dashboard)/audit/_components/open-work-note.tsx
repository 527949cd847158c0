import { useTranslations } from "next-intl";
import type { OpenWorkEvidence } from "@/lib/offboarding/impact/types";

/**
 * The evidence a deactivation's row keeps (issue 16): what the person still held just before it,
 * and, when an admin overrode blocking work, their reason (the row's actor is who).
 */
export function OpenWorkNote({ openWork }: { openWork: OpenWorkEvidence | null }) {
  const t = useTranslations("audit.table");
  if (!openWork) return null;
  return (
    <div className="mt-1 max-w-48 text-xs text-muted-foreground" data-testid="audit-open-work">
      <span className="block">{t("openWork", { total: openWork.total, blocking: openWork.blocking, unknown: openWork.unavailable.length })}</span>
      {openWork.override ? <span className="block text-destructive">{t("openWorkOverridden", { reason: openWork.override.reason })}</span> : null}
    </div>
  );
}
