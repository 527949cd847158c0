"use client";

import { useTranslations } from "next-intl";
import type { MatchLineDto, MatchReportDto } from "@/lib/offboarding/match-leavers";
import { MAX_VALUE_LENGTH } from "@/lib/offboarding/parse-leavers";
import { isRefusalCode } from "@/lib/offboarding/user-dto";

type Reasons = ReturnType<typeof useTranslations<"bulk.reasons">>;

const INVALID = ["unreadable", "empty", "too_long", "several_values", "bad_email", "unrecognised", "unclosed_quote", "short_row", "empty_cell", "formula", "bare_name"] as const;

function isOneOf<T extends string>(list: readonly T[], value: string | null): value is T {
  return value !== null && (list as readonly string[]).includes(value);
}

/**
 * Why a line has its result, in the reader's language, from the line's state and code. The
 * server's English reason is the fallback for a code this page does not know yet.
 */
export function matchReason(t: Reasons, line: MatchLineDto, column: MatchReportDto["column"]): string | null {
  const kind = line.kind ?? "username";
  switch (line.state) {
    case "blank":
      return t("blank");
    case "duplicate":
      if (line.duplicateOf === null) return line.reason;
      return line.user ? t("duplicatePerson", { name: line.user.name, line: line.duplicateOf }) : t("duplicateValue", { line: line.duplicateOf });
    case "not_found":
      return line.code === "usernames_unchecked" ? t("usernamesUnchecked") : t("notFound", { kind });
    case "ambiguous":
      return t("ambiguous", { count: line.candidates?.length ?? 0, kind });
    case "protected":
      return isRefusalCode(line.code) ? t(`protected.${line.code}`) : line.reason;
    case "system_admin":
      return t("systemAdmin");
    case "invalid":
      if (!isOneOf(INVALID, line.code)) return line.reason;
      return t(`invalid.${line.code}`, { max: MAX_VALUE_LENGTH, column: column?.name ?? "", number: (column?.index ?? 0) + 1 });
    default:
      return line.reason;
  }
}
