import type { MatchState } from "@/lib/offboarding/match-leavers";
import type { BadgeVariant } from "../../jobs/_components/job-words";

/** Each preview result's badge, in the order the summary lists them (its words: bulk.states). */
export const matchVariants: Record<MatchState, BadgeVariant> = {
  will_deactivate: "destructive",
  already_deactivated: "secondary",
  protected: "outline",
  system_admin: "outline",
  not_found: "outline",
  ambiguous: "outline",
  duplicate: "secondary",
  invalid: "outline",
  blank: "secondary",
};

export const MATCH_ORDER = Object.keys(matchVariants) as MatchState[];
