import { catalogues } from "@/lib/i18n/messages";

type RefusalCode = keyof (typeof catalogues)["en"]["bulk"]["reasons"]["protected"];

/**
 * The log records why the dashboard refused a change as the server's English sentence (it has no
 * code column). Those sentences are the English catalogue's, so the code is found by the text and
 * the reader gets them in their language; an unknown sentence is shown as recorded.
 */
const byText = new Map(
  Object.entries(catalogues.en.bulk.reasons.protected).map(([code, text]) => [text, code as RefusalCode] as const),
);

export function refusalCodeOf(reason: string | null): RefusalCode | null {
  return reason === null ? null : (byText.get(reason.trim()) ?? null);
}
