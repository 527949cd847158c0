import { type RefObject, useLayoutEffect } from "react";

/**
 * Puts each column's header text on its cells as `data-label`, which the stacked (phone) layout
 * shows before each value (globals.css, .stacked-table). Read from the rendered headers: they are
 * components (sort buttons, translated words), and reading what they show keeps the labels the same
 * words whatever the columns are, without a second list of them. A header that shows no text (the
 * selection checkbox, the visually hidden "Actions") labels nothing. A DOM write, not state: it
 * runs after every render, so new rows and a new language are labelled too.
 */
export function useColumnLabels(table: RefObject<HTMLTableElement | null>) {
  useLayoutEffect(() => {
    const element = table.current;
    if (!element) return;
    const labels = [...element.querySelectorAll("thead tr:first-child > th")].map((header) =>
      header.querySelector(".sr-only") ? "" : (header.textContent ?? "").trim(),
    );
    for (const row of element.querySelectorAll("tbody tr")) {
      const cells = [...row.children];
      cells.forEach((cell, index) => {
        const label = cells.length === labels.length ? labels[index] : "";
        if (label) cell.setAttribute("data-label", label);
        else cell.removeAttribute("data-label");
      });
    }
  });
}
