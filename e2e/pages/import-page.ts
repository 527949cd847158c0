import { type Locator, type Page, expect } from "@playwright/test";
import { seriousAccessibilityViolations } from "../support/axe";

/** The import screen: choose a file or paste a list, read the preview, run it. */
export class ImportPage {
  readonly file: Locator;
  readonly checkFile: Locator;
  readonly paste: Locator;
  readonly checkList: Locator;
  readonly summary: Locator;
  readonly preview: Locator;
  readonly previewRows: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.file = page.getByLabel("CSV file with a header row");
    this.checkFile = page.getByRole("button", { name: "Check the file" });
    this.paste = page.getByLabel("E-mails, usernames or Workfront IDs, one per line");
    this.checkList = page.getByRole("button", { name: "Check the list" });
    this.summary = page.getByRole("group", { name: "Preview summary" });
    this.preview = page.getByRole("table", { name: "Import preview" });
    this.previewRows = this.preview.getByRole("row").filter({ has: page.getByRole("rowheader") });
    this.dialog = page.getByRole("dialog");
  }

  async goto(): Promise<void> {
    await this.page.goto("/import");
    await expect(this.page.getByRole("heading", { name: "Import a leavers list", level: 1 })).toBeVisible();
  }

  async upload(name: string, text: string): Promise<void> {
    await this.file.setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
    await this.checkFile.click();
  }

  /** A summary button, e.g. "Will be deactivated 34"; pressing it filters the lines. */
  result(label: string): Locator {
    return this.summary.getByRole("button", { name: new RegExp(`^${label} [\\d,]+$`) });
  }

  async count(label: string): Promise<number> {
    const text = (await this.result(label).textContent()) ?? "";
    return Number(text.replace(/\D/g, ""));
  }

  get run(): Locator {
    return this.page.getByRole("button", { name: /^Deactivate [\d,]+ (person|people)…$/ });
  }

  seriousAccessibilityViolations(): Promise<string[]> {
    return seriousAccessibilityViolations(this.page);
  }
}
