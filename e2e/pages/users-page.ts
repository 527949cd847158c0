import { type Locator, type Page, expect } from "@playwright/test";
import { seriousAccessibilityViolations } from "../support/axe";

export type StatusTab = "Active" | "Deactivated" | "All";
export type RowActionName = "Deactivate" | "Reactivate";

/** The page's words the page object finds things by, in one language (see lib/i18n/messages). */
export interface UsersPageWords {
  table: string;
  search: string;
  rowsPerPage: string;
  summary: RegExp;
  tabs: Record<StatusTab, string>;
  actions: Record<RowActionName, string>;
  /** The "E-mail" column header. */
  email: string;
  pageButtons: Record<"first" | "previous" | "next" | "last", string>;
  reason: string;
  ticket: string;
  selectPage: string;
  /** A row checkbox's name for a person, and back. */
  selectRow: (name: string) => string;
  nameOfSelectRow: (label: string) => string;
  selection: string;
}

export const englishWords: UsersPageWords = {
  table: "Workfront users",
  search: "Search by name or e-mail",
  rowsPerPage: "Rows per page",
  summary: /Showing|No users/,
  tabs: { Active: "Active", Deactivated: "Deactivated", All: "All" },
  actions: { Deactivate: "Deactivate", Reactivate: "Reactivate" },
  email: "E-mail",
  pageButtons: { first: "Go to first page", previous: "Go to previous page", next: "Go to next page", last: "Go to last page" },
  reason: "Reason",
  ticket: "Ticket reference",
  selectPage: "Select all on this page",
  selectRow: (name) => `Select ${name}`,
  nameOfSelectRow: (label) => label.replace(/^Select /, ""),
  selection: "Selection",
};

export const germanWords: UsersPageWords = {
  table: "Workfront-Benutzer",
  search: "Nach Name oder E-Mail suchen",
  rowsPerPage: "Zeilen pro Seite",
  summary: /\d+–\d+ von|Keine Benutzer/,
  tabs: { Active: "Aktiv", Deactivated: "Deaktiviert", All: "Alle" },
  actions: { Deactivate: "Deaktivieren", Reactivate: "Reaktivieren" },
  email: "E-Mail",
  pageButtons: { first: "Zur ersten Seite", previous: "Zur vorherigen Seite", next: "Zur nächsten Seite", last: "Zur letzten Seite" },
  reason: "Grund",
  ticket: "Ticketnummer",
  selectPage: "Alle auf dieser Seite auswählen",
  selectRow: (name) => `${name} auswählen`,
  nameOfSelectRow: (label) => label.replace(/ auswählen$/, ""),
  selection: "Auswahl",
};

/**
 * The users page as a person sees it: found by role and label, never by markup or test IDs, in
 * the language of `words` (English unless a spec says otherwise).
 */
export class UsersPage {
  readonly table: Locator;
  /** Data rows only: the header row holds column headers, not cells. */
  readonly rows: Locator;
  readonly search: Locator;
  readonly pageSize: Locator;
  readonly summary: Locator;
  readonly dialog: Locator;

  constructor(
    readonly page: Page,
    readonly words: UsersPageWords = englishWords,
  ) {
    this.table = page.getByRole("table", { name: words.table });
    this.rows = this.table.getByRole("row").filter({ has: page.getByRole("cell") });
    this.search = page.getByRole("searchbox", { name: words.search });
    this.pageSize = page.getByLabel(words.rowsPerPage);
    this.summary = page.getByRole("status").filter({ hasText: words.summary });
    this.dialog = page.getByRole("dialog");
  }

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/users${query}`);
    await this.settled();
  }

  /** The table has real rows for the current URL: not skeletons, not the previous view's rows. */
  async settled(): Promise<void> {
    await expect(this.table).toHaveAttribute("aria-busy", "false");
  }

  tab(name: StatusTab): Locator {
    return this.page.getByRole("tab", { name: new RegExp(`^${this.words.tabs[name]}\\b`) });
  }

  /** The number a tab shows beside its label. */
  async tabCount(name: StatusTab): Promise<number> {
    await expect(this.tab(name)).toHaveText(/\d/);
    const text = (await this.tab(name).textContent()) ?? "";
    return Number(text.replace(/\D/g, ""));
  }

  columnHeader(name: string): Locator {
    return this.table.getByRole("columnheader", { name });
  }

  sortButton(name: string): Locator {
    return this.columnHeader(name).getByRole("button", { name });
  }

  pageButton(which: "first" | "previous" | "next" | "last"): Locator {
    return this.page.getByRole("button", { name: this.words.pageButtons[which] });
  }

  row(userName: string): Locator {
    return this.rows.filter({ has: this.page.getByRole("rowheader", { name: userName, exact: true }) });
  }

  rowAction(action: RowActionName, userName: string): Locator {
    return this.row(userName).getByRole("button", { name: `${this.words.actions[action]} ${userName}` });
  }

  get reason(): Locator {
    return this.dialog.getByLabel(this.words.reason);
  }

  get ticket(): Locator {
    return this.dialog.getByLabel(this.words.ticket);
  }

  confirmButton(action: RowActionName): Locator {
    return this.dialog.getByRole("button", { name: this.words.actions[action], exact: true });
  }

  /** Deactivates or reactivates one user through the dialog, with the mouse. */
  async changeStatus(action: RowActionName, userName: string, reason: string, ticket?: string): Promise<void> {
    await this.rowAction(action, userName).click();
    await expect(this.dialog).toBeVisible();
    await this.reason.fill(reason);
    if (ticket) await this.ticket.fill(ticket);
    await this.confirmButton(action).click();
    await expect(this.dialog).toBeHidden();
  }

  async names(): Promise<string[]> {
    return this.table.getByRole("rowheader").allTextContents();
  }

  /** The cells under a column header (of `row`, or of every data row). */
  async cells(header: string, row: Locator = this.rows): Promise<Locator> {
    const headers = await this.table.getByRole("columnheader").allTextContents();
    const column = headers.findIndex((text) => text.trim().startsWith(header));
    expect(column, `the table has a column "${header}"`).toBeGreaterThanOrEqual(0);
    return row.locator(`> :nth-child(${column + 1})`);
  }

  /** E-mail addresses are unique where names are not: the cells under the E-mail header. */
  async emails(): Promise<string[]> {
    return (await this.cells(this.words.email)).allTextContents();
  }

  // Selection and the bulk action bar.

  checkbox(userName: string): Locator {
    return this.row(userName).getByRole("checkbox", { name: this.words.selectRow(userName) });
  }

  get selectPage(): Locator {
    return this.table.getByRole("checkbox", { name: this.words.selectPage });
  }

  /** Row checkboxes that may be ticked (protected people's are disabled). */
  get selectableBoxes(): Locator {
    return this.rows.getByRole("checkbox").and(this.page.locator(":enabled"));
  }

  get selectionBar(): Locator {
    return this.page.getByRole("region", { name: this.words.selection });
  }

  /** Ticks the first `count` selectable rows of the page, and returns their names. */
  async selectFirst(count: number): Promise<string[]> {
    const names: string[] = [];
    for (let index = 0; index < count; index++) {
      const box = this.selectableBoxes.nth(index);
      const label = (await box.getAttribute("aria-label")) ?? "";
      await box.check();
      names.push(this.words.nameOfSelectRow(label));
    }
    return names;
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await expect(this.page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text).replace(/%20/g, "\\+")}`));
    await this.settled();
  }

  seriousAccessibilityViolations(): Promise<string[]> {
    return seriousAccessibilityViolations(this.page);
  }
}
