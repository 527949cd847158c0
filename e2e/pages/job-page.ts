import { type Locator, type Page, expect } from "@playwright/test";
import { seriousAccessibilityViolations } from "../support/axe";

export type Outcome = "Deactivated" | "Reactivated" | "Already deactivated" | "Already active" | "Failed" | "Refused" | "Cancelled" | "Remaining";

/** A bulk job's page as a person sees it: progress, counts by outcome, actions, results. */
export class JobPage {
  readonly heading: Locator;
  readonly progress: Locator;
  readonly results: Locator;
  /** Result rows only (not the header row, not the "nobody" row). */
  readonly resultRows: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.progress = page.getByRole("progressbar", { name: "Job progress" });
    this.results = page.getByRole("table", { name: "Results per person" });
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
    await expect(this.status("Completed")).toBeVisible({ timeout: 20_000 });
    await expect(this.progress).toHaveAttribute("aria-valuenow", "100");
  }

  /** The number shown under an outcome's label in the counts. */
  count(outcome: Outcome): Locator {
    return this.page.getByLabel("Results by outcome").locator("div").filter({ has: this.page.getByRole("term").filter({ hasText: new RegExp(`^${outcome}$`) }) }).getByRole("definition");
  }

  filter(label: string): Locator {
    return this.page.getByRole("tablist", { name: "Filter by outcome" }).getByRole("tab", { name: new RegExp(`^${label}\\b`) });
  }

  action(name: string | RegExp): Locator {
    return this.page.getByRole("region", { name: "Job actions" }).getByRole("button", { name });
  }

  names(): Promise<string[]> {
    return this.results.getByRole("rowheader").allTextContents();
  }

  seriousAccessibilityViolations(): Promise<string[]> {
    return seriousAccessibilityViolations(this.page);
  }
}
