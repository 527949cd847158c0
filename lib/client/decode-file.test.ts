import { describe, expect, it } from "vitest";
import { decodeFile } from "./decode-file";

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Windows-1252 bytes of Latin-1 text (the two agree on every character used here). */
const cp1252 = (text: string) => Uint8Array.from([...text].map((char) => char.charCodeAt(0)));

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  const view = new DataView(bytes.buffer);
  [...text].forEach((char, index) => view.setUint16(2 + index * 2, char.charCodeAt(0), littleEndian));
  return bytes;
}

describe("decodeFile", () => {
  it("reads German Excel's Windows-1252 CSV, which is not valid UTF-8", () => {
    expect(decodeFile(cp1252("Name;E-Mail\r\nJürgen Müller;jm@example.com"))).toEqual({
      text: "Name;E-Mail\r\nJürgen Müller;jm@example.com",
      encoding: "windows-1252",
    });
  });

  it("reads UTF-8 with and without a byte-order mark", () => {
    expect(decodeFile(utf8("Zoé Dupont"))).toEqual({ text: "Zoé Dupont", encoding: "utf-8" });
    expect(decodeFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Ängel")]))).toEqual({ text: "Ängel", encoding: "utf-8" });
  });

  it("reads UTF-16 in both byte orders by its byte-order mark", () => {
    expect(decodeFile(utf16("Müller", true))).toEqual({ text: "Müller", encoding: "utf-16le" });
    expect(decodeFile(utf16("Müller", false))).toEqual({ text: "Müller", encoding: "utf-16be" });
  });

  it("reads the euro sign and quotes Windows-1252 keeps at 0x80–0x9F", () => {
    expect(decodeFile(new Uint8Array([0x80, 0x20, 0x93, 0x61, 0x94])).text).toBe("€ “a”");
  });
});
