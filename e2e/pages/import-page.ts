import { type Locator, type Page, expect } from "@playwright/test";
import { seriousAccessibilityViolations } from "../support/axe";

/** The words the import screen is found by, in the language the test reads it in. */
export interface ImportPageWords {
  heading: string;
  file: string;
  checkFile: string;
  paste: string;
  checkList: string;
  summary: string;
  preview: string;
  /** The run button: "Deactivate 34 people…". */
  run: RegExp;
}

export const englishImportWords: ImportPageWords = {
  heading: "Import a leavers list",
  file: "CSV file with a header row",
  checkFile: "Check the file",
  paste: "E-mails, usernames or Workfront IDs, one per line",
  checkList: "Check the list",
  summary: "Preview summary",
  preview: "Import preview",
  run: /^Deactivate [\d,]+ (person|people)…$/,
};

export const germanImportWords: ImportPageWords = {
  heading: "Austrittsliste importieren",
  file: "CSV-Datei mit Kopfzeile",
  checkFile: "Datei prüfen",
  paste: "E-Mail-Adressen, Benutzernamen oder Workfront-IDs, eine pro Zeile",
  checkList: "Liste prüfen",
  summary: "Zusammenfassung der Vorschau",
  preview: "Importvorschau",
  run: /^[\d.]+ Benutzer deaktivieren …$/,
};

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

  constructor(
    readonly page: Page,
    readonly words: ImportPageWords = englishImportWords,
  ) {
    this.file = page.getByLabel(words.file);
    this.checkFile = page.getByRole("button", { name: words.checkFile });
    this.paste = page.getByLabel(words.paste);
    this.checkList = page.getByRole("button", { name: words.checkList });
    this.summary = page.getByRole("group", { name: words.summary });
    this.preview = page.getByRole("table", { name: words.preview });
    this.previewRows = this.preview.getByRole("row").filter({ has: page.getByRole("rowheader") });
    this.dialog = page.getByRole("dialog");
  }

  async goto(): Promise<void> {
    await this.page.goto("/import");
    await expect(this.page.getByRole("heading", { name: this.words.heading, level: 1 })).toBeVisible();
  }

  async upload(name: string, text: string): Promise<void> {
    await this.file.setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
    await this.checkFile.click();
  }

  /** A summary button, e.g. "Will be deactivated 34"; pressing it filters the lines. */
  result(label: string): Locator {
    return this.summary.getByRole("button", { name: new RegExp(`^${label} [\\d.,]+$`) });
  }

  async count(label: string): Promise<number> {
    const text = (await this.result(label).textContent()) ?? "";
    return Number(text.replace(/\D/g, ""));
  }

  get run(): Locator {
    return this.page.getByRole("button", { name: this.words.run });
  }

  seriousAccessibilityViolations(): Promise<string[]> {
    return seriousAccessibilityViolations(this.page);
  }
}
