"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { RequestError } from "./fetch-json";

export interface ErrorText {
  /** The error in the reader's language, chosen by the API's error code. */
  message: string;
  /** The server's own (English) message, shown only as a detail; null when it adds nothing. */
  detail: string | null;
}

/**
 * Turns any error into text for the reader: the API's `code` picks a translated message, and the
 * server's message is kept as a detail (it may name a field or a count the code does not).
 */
export function useErrorText(): (error: unknown) => ErrorText {
  const t = useTranslations("errors");
  return useCallback(
    (error: unknown) => {
      if (error instanceof RequestError) {
        const known = t.has(error.code as Parameters<typeof t.has>[0]);
        return {
          message: known ? t(error.code as Parameters<typeof t>[0]) : t("unknown"),
          detail: error.message || null,
        };
      }
      // fetch() rejects with a TypeError when the network fails.
      if (error instanceof TypeError) return { message: t("network"), detail: null };
      return { message: t("unknown"), detail: error instanceof Error ? error.message : null };
    },
    [t],
  );
}
