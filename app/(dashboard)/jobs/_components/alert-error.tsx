"use client";

import { useTranslations } from "next-intl";
import { useErrorText } from "@/lib/client/use-error-text";

/**
 * An API error inside a destructive alert: the reader's words for its code, then the server's own
 * (English) message as a smaller detail. The detail keeps the alert's colour: muted grey on the
 * alert's red tint is too faint to read (axe's colour-contrast rule).
 */
export function AlertError({ error }: { error: unknown }) {
  const t = useTranslations("common");
  const { message, detail } = useErrorText()(error);
  return (
    <>
      <p>{message}</p>
      {detail && detail !== message ? <p className="text-xs">{t("errorDetail", { message: detail })}</p> : null}
    </>
  );
}
