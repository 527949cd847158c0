import { type Locator, type Page, expect } from "@playwright/test";
import { seriousAccessibilityViolations } from "../support/axe";

export type StatusTab = "Active" | "Deactivated" | "All";
export type RowActionName = "Deactivate" | "Reactivate";

/** The users page as a person sees it: found by role and label, never by markup or test IDs. */
export class UsersPage {
  readonly table: Locator;
  /** Data rows only: the header row holds column headers, not cells. */
  readonly rows: Locator;
  readonly search: Locator;
  readonly pageSize: Locator;
  readonly summary: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole("table", { name: "Workfront users" });
    this.rows = this.table.getByRole("row").filter({ has: page.getByRole("cell") });
    this.search = page.getByRole("searchbox", { name: "Search by name or e-mail" });
    this.pageSize = page.getByLabel("Rows per page");
    this.summary = page.getByRole("status").filter({ hasText: /Showing|No users/ });
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
    return this.page.getByRole("tab", { name: new RegExp(`^${name}\\b`) });
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
    return this.page.getByRole("button", { name: `Go to ${which} page` });
  }

  row(userName: string): Locator {
    return this.rows.filter({ has: this.page.getByRole("rowheader", { name: userName, exact: true }) });
  }

  rowAction(action: RowActionName, userName: string): Locator {
    return this.row(userName).getByRole("button", { name: `${action} ${userName}` });
  }

  get reason(): Locator {
    return this.dialog.getByLabel("Reason");
  }

  get ticket(): Locator {
    return this.dialog.getByLabel("Ticket reference");
  }

  confirmButton(action: RowActionName): Locator {
    return this.dialog.getByRole("button", { name: action, exact: true });
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

  /** E-mail addresses are unique where names are not: the cells under the "E-mail" header. */
  async emails(): Promise<string[]> {
    const headers = await this.table.getByRole("columnheader").allTextContents();
    const column = headers.findIndex((header) => header.trim().startsWith("E-mail"));
    expect(column, "the table has an E-mail column").toBeGreaterThanOrEqual(0);
    return this.rows.locator(`> :nth-child(${column + 1})`).allTextContents();
  }

  // Selection and the bulk action bar.

  checkbox(userName: string): Locator {
    return this.row(userName).getByRole("checkbox", { name: `Select ${userName}` });
  }

  get selectPage(): Locator {
    return this.table.getByRole("checkbox", { name: "Select all on this page" });
  }

  /** Row checkboxes that may be ticked (protected people's are disabled). */
  get selectableBoxes(): Locator {
    return this.rows.getByRole("checkbox").and(this.page.locator(":enabled"));
  }

  get selectionBar(): Locator {
    return this.page.getByRole("region", { name: "Selection" });
  }

  /** Ticks the first `count` selectable rows of the page, and returns their names. */
  async selectFirst(count: number): Promise<string[]> {
    const names: string[] = [];
    for (let index = 0; index < count; index++) {
      const box = this.selectableBoxes.nth(index);
      const label = (await box.getAttribute("aria-label")) ?? "";
      await box.check();
      names.push(label.replace(/^Select /, ""));
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
