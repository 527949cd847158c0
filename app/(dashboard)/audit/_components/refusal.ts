import { catalogues } from "@/lib/i18n/messages";

type RefusalCode = keyof (typeof catalogues)["en"]["bulk"]["reasons"]["protected"];

/**
 * For rows written before the log kept a refusal's code (refused_code, migration 0006): they hold
 * only the server's English sentence. Those sentences are the English catalogue's, so the code is
 * found by the text and the reader gets them in their language; an unknown sentence is shown as
 * recorded.
 */
const byText = new Map([
  ...Object.entries(catalogues.en.bulk.reasons.protected).map(([code, text]) => [text, code as RefusalCode] as const),
  // The server's sentence for PROTECTED_USERS, which the catalogue no longer uses (HR never sees the variable's name).
  ["This account is on the protected list in the dashboard's configuration (PROTECTED_USERS).", "configured"] as const,
]);

export function refusalCodeOf(reason: string | null): RefusalCode | null {
  return reason === null ? null : (byText.get(reason.trim()) ?? null);
}
