/**
 * Reads a leavers file's bytes as the text it holds, whatever program saved it: a byte-order mark
 * says UTF-8 or UTF-16 (Excel's "Unicode text"); without one, bytes that are valid UTF-8 are read
 * as UTF-8, and anything else as Windows-1252, the encoding of German and other Western European
 * Excel's "CSV (Trennzeichen-getrennt)". Pure, so the preview and the tests share it.
 */
export const FILE_ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1252"] as const;
export type FileEncoding = (typeof FILE_ENCODINGS)[number];

export interface DecodedFile {
  text: string;
  encoding: FileEncoding;
}

/** Windows-1252's characters for 0x80–0x9F (undefined bytes keep their C1 code point, as browsers do). */
const HIGH = "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * By hand rather than TextDecoder("windows-1252"): Node built with small ICU reads that label as
 * ISO-8859-1, which has control characters where Windows-1252 has "€", "„" and the quotes.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (let start = 0; start < bytes.length; start += 8192) {
    const codes = Array.from(bytes.subarray(start, start + 8192), (byte) => (byte >= 0x80 && byte < 0xa0 ? HIGH.charCodeAt(byte - 0x80) : byte));
    text += String.fromCharCode(...codes);
  }
  return text;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

export function decodeFile(bytes: Uint8Array): DecodedFile {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    // fatal: one byte that is not UTF-8 (a lone 0xFC for "ü" in Windows-1252) throws instead of becoming "�".
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}
