import type { MatchState } from "@/lib/offboarding/match-leavers";
import type { BadgeVariant } from "../../jobs/_components/job-words";

/** Each preview result in words, in the order the summary lists them. */
export const matchStates: Record<MatchState, { label: string; variant: BadgeVariant }> = {
  will_deactivate: { label: "Will be deactivated", variant: "destructive" },
  already_deactivated: { label: "Already deactivated", variant: "secondary" },
  protected: { label: "Protected", variant: "outline" },
  not_found: { label: "Not found", variant: "outline" },
  ambiguous: { label: "Ambiguous", variant: "outline" },
  duplicate: { label: "Duplicate", variant: "secondary" },
  invalid: { label: "Unreadable", variant: "outline" },
  blank: { label: "Blank", variant: "secondary" },
};

export const MATCH_ORDER = Object.keys(matchStates) as MatchState[];
