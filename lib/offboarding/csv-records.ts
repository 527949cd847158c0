/** A small RFC 4180 reader for imported lists: records with the line each starts on. */
export type Delimiter = "," | ";" | "\t";

export interface CsvRecord {
  line: number;
  cells: string[];
  unclosed: boolean;
}

/** RFC 4180 records: quoted fields, doubled quotes, delimiters and newlines inside quotes. */
export function readCsvRecords(text: string, delimiter: Delimiter | null): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  let atCellStart = true;
  const endRecord = (unclosed = false) => {
    cells.push(cell);
    records.push({ line: start, cells, unclosed });
    cells = [];
    cell = "";
    atCellStart = true;
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === "\n" || (char === "\r" && text[i + 1] !== "\n")) line += 1;
        cell += char;
      }
      continue;
    }
    if (char === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (delimiter !== null && char === delimiter) {
      cells.push(cell);
      cell = "";
      atCellStart = true;
    } else if (char === "\r" || char === "\n") {
      if (char === "\r" && text[i + 1] === "\n") i += 1;
      endRecord();
      line += 1;
      start = line;
    } else {
      cell += char;
      // Spaces before an opening quote are allowed ( "a", "b").
      if (char !== " ") atCellStart = false;
    }
  }
  if (quoted) endRecord(true);
  else if (cell !== "" || cells.length > 0) endRecord();
  return records;
}

/** The delimiter of a header line: the most frequent of , ; and tab outside quotes. */
export function detectDelimiter(headerLine: string): Delimiter | null {
  const counts: Record<Delimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char as Delimiter] += 1;
  }
  const best = (Object.entries(counts) as [Delimiter, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : null;
}
