"use client";

import { useTranslations } from "next-intl";
import { useErrorText } from "@/lib/client/use-error-text";

/**
 * An API error for the reader: the message their language has for its code, then the server's own
 * (English) message as a smaller detail, which may name what the code does not. The detail keeps
 * the surrounding colour rather than muted grey, which is too faint on a destructive alert's red
 * tint (axe's colour-contrast rule).
 */
export function ErrorMessage({ error }: { error: unknown }) {
  const t = useTranslations("common");
  const { message, detail } = useErrorText()(error);
  return (
    <>
      <p>{message}</p>
      {detail && detail !== message ? <p className="text-xs">{t("errorDetail", { message: detail })}</p> : null}
    </>
  );
}
