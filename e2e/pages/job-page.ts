import { type Locator, type Page, expect } from "@playwright/test";
import { seriousAccessibilityViolations } from "../support/axe";

export type Outcome = "Deactivated" | "Reactivated" | "Already deactivated" | "Already active" | "Failed" | "Refused" | "Cancelled" | "Remaining";

/** The words the job page is found by, in the language the test reads it in. */
export interface JobPageWords {
  progress: string;
  results: string;
  byOutcome: string;
  filters: string;
  actions: string;
  completed: string;
  outcomes: Record<Outcome, string>;
}

export const englishJobWords: JobPageWords = {
  progress: "Job progress",
  results: "Results per person",
  byOutcome: "Results by outcome",
  filters: "Filter by outcome",
  actions: "Job actions",
  completed: "Completed",
  outcomes: {
    Deactivated: "Deactivated",
    Reactivated: "Reactivated",
    "Already deactivated": "Already deactivated",
    "Already active": "Already active",
    Failed: "Failed",
    Refused: "Refused",
    Cancelled: "Cancelled",
    Remaining: "Remaining",
  },
};

export const germanJobWords: JobPageWords = {
  progress: "Fortschritt des Auftrags",
  results: "Ergebnisse pro Benutzer",
  byOutcome: "Anzahl je Ergebnis",
  filters: "Nach Ergebnis filtern",
  actions: "Aktionen für den Auftrag",
  completed: "Abgeschlossen",
  outcomes: {
    Deactivated: "Deaktiviert",
    Reactivated: "Reaktiviert",
    "Already deactivated": "Bereits deaktiviert",
    "Already active": "Bereits aktiv",
    Failed: "Fehlgeschlagen",
    Refused: "Abgelehnt",
    Cancelled: "Abgebrochen",
    Remaining: "Ausstehend",
  },
};

/** A bulk job's page as a person sees it: progress, counts by outcome, actions, results. */
export class JobPage {
  readonly heading: Locator;
  readonly progress: Locator;
  readonly results: Locator;
  /** Result rows only (not the header row, not the "nobody" row). */
  readonly resultRows: Locator;
  readonly dialog: Locator;

  constructor(
    readonly page: Page,
    readonly words: JobPageWords = englishJobWords,
  ) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.progress = page.getByRole("progressbar", { name: words.progress });
    this.results = page.getByRole("table", { name: words.results });
    this.resultRows = this.results.getByRole("row").filter({ has: page.getByRole("rowheader") });
    this.dialog = page.getByRole("dialog");
  }

  /** Waits for the job page after a job was created from another page. */
  async arrived(): Promise<string> {
    await expect(this.page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
    return this.page.url().split("/jobs/")[1]!;
  }

  status(label: string): Locator {
    return this.page.locator("main").getByText(label, { exact: true }).first();
  }

  async finished(): Promise<void> {
    await expect(this.status(this.words.completed)).toBeVisible({ timeout: 20_000 });
    await expect(this.progress).toHaveAttribute("aria-valuenow", "100");
  }

  /** The number shown under an outcome's label in the counts. */
  count(outcome: Outcome): Locator {
    const label = this.words.outcomes[outcome];
    return this.page
      .getByLabel(this.words.byOutcome)
      .locator("div")
      .filter({ has: this.page.getByRole("term").filter({ hasText: new RegExp(`^${label}$`) }) })
      .getByRole("definition");
  }

  filter(label: string): Locator {
    return this.page.getByRole("tablist", { name: this.words.filters }).getByRole("tab", { name: new RegExp(`^${label}\\b`) });
  }

  action(name: string | RegExp): Locator {
    return this.page.getByRole("region", { name: this.words.actions }).getByRole("button", { name });
  }

  names(): Promise<string[]> {
    return this.results.getByRole("rowheader").allTextContents();
  }

  seriousAccessibilityViolations(): Promise<string[]> {
    return seriousAccessibilityViolations(this.page);
  }
}
