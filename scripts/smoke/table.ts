import type { SmokeRow } from "./rows";

/**
 * The smoke check's table as plain text: three columns wrapped to fixed widths, so it reads in any
 * terminal and pastes into a ticket. Every secret the run knows is replaced before anything is
 * printed, whatever a message from Workfront or the network may have echoed.
 */
const WIDTHS = [26, 58, 58] as const;
const HEADERS = ["check", "result", "what the app will do"] as const;

export function redact(text: string, secrets: readonly string[]): string {
  return secrets
    .filter((secret) => secret.length >= 4)
    .reduce((result, secret) => result.replaceAll(secret, "[redacted]"), text);
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    // A word longer than the column (a URL, an ID list) is cut rather than pushing the columns apart.
    for (let rest = word; rest.length > 0; rest = rest.slice(width)) {
      const piece = rest.slice(0, width);
      if (line && line.length + 1 + piece.length > width) {
        lines.push(line);
        line = piece;
      } else {
        line = line ? `${line} ${piece}` : piece;
      }
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

function renderRow(cells: readonly string[]): string[] {
  const wrapped = cells.map((cell, index) => wrap(cell, WIDTHS[index]!));
  const height = Math.max(...wrapped.map((lines) => lines.length));
  return Array.from({ length: height }, (_, line) =>
    wrapped
      .map((lines, index) => (lines[line] ?? "").padEnd(WIDTHS[index]!))
      .join("  ")
      .trimEnd(),
  );
}

export function renderTable(rows: readonly SmokeRow[], secrets: readonly string[]): string {
  const rule = WIDTHS.map((width) => "-".repeat(width)).join("  ");
  const lines = [...renderRow(HEADERS), rule];
  for (const entry of rows) {
    // Before wrapping: a secret cut across two lines would no longer be found.
    const cells = [entry.check, `${entry.result}  ${entry.detail}`, entry.app].map((cell) =>
      redact(cell, secrets),
    );
    lines.push(...renderRow(cells));
  }
  return lines.join("\n");
}

export function summary(rows: readonly SmokeRow[]): string {
  const count = (result: SmokeRow["result"]) => rows.filter((entry) => entry.result === result).length;
  const failed = count("FAIL");
  const counts = `${count("PASS")} passed, ${failed} failed, ${count("WARN")} warnings, ${count("SKIP")} skipped`;
  return failed
    ? `${counts}. Fix each FAIL before using the app on this tenant (README, "Before first use on your tenant").`
    : `${counts}. The app's assumptions hold on this tenant.`;
}
