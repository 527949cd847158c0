import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/db/test-databases";
import { AUDIT_CSV_COLUMNS, CSV_DELIMITERS, auditCsv, auditCsvHeader, csvCell, csvLine } from "./csv";
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

  it("quotes a cell holding either separator, whichever one the line uses", () => {
    expect(csvCell("Müller; Jörg")).toBe('"Müller; Jörg"');
    expect(csvCell("Lovelace, Ada")).toBe('"Lovelace, Ada"');
    expect(csvLine(["a", "b;c", "d,e", null], ";")).toBe('a;"b;c";"d,e";\r\n');
    expect(csvLine(["a", "b;c", "d,e", null], ",")).toBe('a,"b;c","d,e",\r\n');
  });
});

describe("CSV dialect per language", () => {
  it("uses commas for English and semicolons for German (as German Excel expects)", () => {
    expect(CSV_DELIMITERS).toEqual({ en: ",", de: ";" });
  });

  it("names the columns in the reader's language, and says that times are ISO 8601 in UTC", () => {
    const en = auditCsvHeader("en");
    const de = auditCsvHeader("de");
    expect(en).toHaveLength(AUDIT_CSV_COLUMNS.length);
    expect(de).toHaveLength(AUDIT_CSV_COLUMNS.length);
    expect(en[AUDIT_CSV_COLUMNS.indexOf("occurred_at")]).toBe("Time UTC (ISO 8601)");
    expect(de[AUDIT_CSV_COLUMNS.indexOf("occurred_at")]).toBe("Zeitpunkt UTC (ISO 8601)");
    expect(de[AUDIT_CSV_COLUMNS.indexOf("reason")]).toBe("Grund");
    expect(de[AUDIT_CSV_COLUMNS.indexOf("license_type")]).toBe("Lizenztyp");
    // Every column has its own name, so a spreadsheet's columns can be told apart.
    expect(new Set(en).size).toBe(en.length);
    expect(new Set(de).size).toBe(de.length);
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
function parseCsv(text: string, delimiter = ","): string[][] {
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
    } else if (!quoted && char === delimiter) {
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

/** The stream's text without its byte-order mark, and how many chunks it came in after the BOM's. */
async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number; bom: boolean }> {
  let text = "";
  let chunks = -1;
  // Keeps the BOM in the text, to check that it is there (and only once).
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    text += decoder.decode(next.value, { stream: true });
    chunks += 1;
  }
  const bom = text.startsWith("\uFEFF");
  return { text: bom ? text.slice(1) : text, chunks, bom };
}

withTestDatabase("CSV export", ({ db }) => {
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
    const { text, chunks, bom } = await readAll(auditCsv(db(), { actor: "csv-bulk@" }));
    expect(bom).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(auditCsvHeader("en"));
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
    expect(header).toEqual(auditCsvHeader("en"));
    const cell = (name: (typeof AUDIT_CSV_COLUMNS)[number]) => row![AUDIT_CSV_COLUMNS.indexOf(name)];
    expect(cell("target_name")).toBe(`'${hostile}`);
    expect(cell("reason")).toBe("'@SUM(1+1)");
    expect(cell("ticket")).toBe("'-1");
    expect(cell("access_level")).toBe("'+Planner");
    expect(cell("outcome")).toBe("succeeded");
  });

  it("in German: a BOM, German column names, semicolons, and cells with either separator quoted", async () => {
    await seedEvents(db(), [
      {
        targetId: workfrontId(6_000),
        actorEmail: "csv-german@example.com",
        targetName: "Müller; Jörg",
        reason: "Vertrag beendet, Ablauf 30.06.",
        ticket: "=HR-1",
        occurredAt: new Date("2030-03-04T05:06:07.890Z"),
      },
    ]);
    const bytes = new Uint8Array(await new Response(auditCsv(db(), { actor: "csv-german@" }, "de")).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { text, bom } = await readAll(auditCsv(db(), { actor: "csv-german@" }, "de"));
    expect(bom).toBe(true);
    expect(text.split("\r\n")[0]).toBe(auditCsvHeader("de").join(";"));
    expect(text).toContain(';"Müller; Jörg";');
    expect(text).toContain(';"Vertrag beendet, Ablauf 30.06.";');
    const [header, row] = parseCsv(text, ";");
    expect(header).toEqual(auditCsvHeader("de"));
    const cell = (name: (typeof AUDIT_CSV_COLUMNS)[number]) => row![AUDIT_CSV_COLUMNS.indexOf(name)];
    expect(cell("target_name")).toBe("Müller; Jörg");
    expect(cell("reason")).toBe("Vertrag beendet, Ablauf 30.06.");
    expect(cell("ticket")).toBe("'=HR-1");
    // Times stay ISO 8601 in UTC; the action, outcome and role are the German words the screen shows.
    expect(cell("occurred_at")).toBe("2030-03-04T05:06:07.890Z");
    expect(cell("outcome")).toBe("Erfolgreich");
    expect(cell("action")).toBe("Deaktivieren");
    expect(cell("actor_role")).toBe("Bearbeiter");
  });

  it("gives only the header when nothing matches, and refuses bad filters before streaming", async () => {
    const { text } = await readAll(auditCsv(db(), { actor: "nobody-at-all" }));
    expect(text).toBe(csvLine(auditCsvHeader("en")));
    expect(() => auditCsv(db(), { from: "not a date" })).toThrow();
  });
});
