import { describe, expect, it } from "vitest";
import { forEachDriver } from "@/lib/db/test-databases";
import { AUDIT_CSV_COLUMNS, auditCsv, csvCell, csvLine } from "./csv";
import { seedEvents, workfrontId } from "./test-fixtures";

describe("CSV cells", () => {
  it("quotes per RFC 4180 only when needed", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(new Date("2030-01-02T03:04:05.678Z"))).toBe("2030-01-02T03:04:05.678Z");
    expect(csvLine(["a", "b,c", null])).toBe('a,"b,c",\r\n');
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvCell("+1+1")).toBe("'+1+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe('"\'\r=1"');
    expect(csvCell("a=1")).toBe("a=1");
  });
});

/** A small RFC 4180 reader, to prove the output parses back to what went in. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && char === "\r" && text[i + 1] === "\n") {
      rows.push([...row, cell]);
      row = [];
      cell = "";
      i += 1;
    } else {
      cell += char;
    }
  }
  return rows;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  let text = "";
  let chunks = 0;
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    text += decoder.decode(next.value, { stream: true });
    chunks += 1;
  }
  return { text, chunks };
}

forEachDriver("CSV export", ({ db }) => {
  it("streams the header and every matching row, newest first, in pages", async () => {
    const start = Date.UTC(2030, 6, 1);
    await seedEvents(
      db(),
      Array.from({ length: 1_201 }, (_, i) => ({
        targetId: workfrontId(i + 1),
        targetName: `Person ${i}`,
        actorEmail: "csv-bulk@example.com",
        // Groups of rows share a millisecond, so paging must break ties by ID.
        occurredAt: new Date(start + Math.floor(i / 7) * 1000),
      })),
    );
    const { text, chunks } = await readAll(auditCsv(db(), { actor: "csv-bulk@" }));
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(AUDIT_CSV_COLUMNS);
    expect(rows).toHaveLength(1_202);
    expect(chunks).toBe(4);
    const ids = rows.slice(1).map((row) => Number(row[0]));
    expect(new Set(ids).size).toBe(1_201);
    const times = rows.slice(1).map((row) => row[1]!);
    expect([...times].sort().reverse()).toEqual(times);
    expect(rows[1]?.[AUDIT_CSV_COLUMNS.indexOf("target_name")]).toBe("Person 1200");
  });

  it("keeps hostile text inert and parseable", async () => {
    const hostile = '=cmd|" /C calc"!A0, "quoted"\r\nnext line';
    await seedEvents(db(), [
      {
        targetId: workfrontId(5_000),
        actorEmail: "csv-hostile@example.com",
        targetName: hostile,
        reason: "@SUM(1+1)",
        ticket: "-1",
        snapshot: {
          accessLevelId: null,
          accessLevelName: "+Planner",
          licenseType: null,
          homeGroupId: null,
          homeGroupName: null,
        },
      },
    ]);
    const { text } = await readAll(auditCsv(db(), { actor: "csv-hostile@" }));
    const [header, row] = parseCsv(text);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell("target_name")).toBe(`'${hostile}`);
    expect(cell("reason")).toBe("'@SUM(1+1)");
    expect(cell("ticket")).toBe("'-1");
    expect(cell("access_level")).toBe("'+Planner");
    expect(cell("outcome")).toBe("succeeded");
  });

  it("gives only the header when nothing matches, and refuses bad filters before streaming", async () => {
    const { text } = await readAll(auditCsv(db(), { actor: "nobody-at-all" }));
    expect(text).toBe(csvLine(AUDIT_CSV_COLUMNS));
    expect(() => auditCsv(db(), { from: "not a date" })).toThrow();
  });
});
