import type { StatusAction } from "@/lib/client/users-api";

/**
 * What differs per action beyond its words (which live in the statusChange catalogue, keyed by the
 * action): lookup data, so a new action fails to compile until it has its look and its texts.
 */
export const statusActions: Record<StatusAction, { variant: "destructive" | "default" }> = {
  deactivate: { variant: "destructive" },
  reactivate: { variant: "default" },
};
