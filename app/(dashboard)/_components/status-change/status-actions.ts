import type { StatusAction } from "@/lib/client/users-api";

/** Everything the UI says about each action, as lookup data: a new action fails to compile until it has its words. */
export const statusActions: Record<
  StatusAction,
  {
    label: string;
    pendingLabel: string;
    variant: "destructive" | "default";
    title: (who: string) => string;
    consequence: string;
    done: (who: string) => string;
    /** The toast when a bulk job is created. */
    jobStarted: (people: number) => string;
  }
> = {
  deactivate: {
    label: "Deactivate",
    pendingLabel: "Deactivating…",
    variant: "destructive",
    title: (who) => `Deactivate ${who}?`,
    consequence:
      "They can no longer sign in to Workfront and their licence is freed. Their work history stays, and they can be reactivated later.",
    done: (who) => `${who} is deactivated.`,
    jobStarted: (people) => `Deactivating ${people.toLocaleString("en")} ${people === 1 ? "person" : "people"}: follow the job here.`,
  },
  reactivate: {
    label: "Reactivate",
    pendingLabel: "Reactivating…",
    variant: "default",
    title: (who) => `Reactivate ${who}?`,
    consequence: "They can sign in to Workfront again, with the access level they had when they were deactivated.",
    done: (who) => `${who} is active again.`,
    jobStarted: (people) => `Reactivating ${people.toLocaleString("en")} ${people === 1 ? "person" : "people"}: follow the job here.`,
  },
};
