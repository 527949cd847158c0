import type { FileEncoding } from "@/lib/client/decode-file";

/** Where a list came from, for headings: a file by its name and the encoding it was read in, or the pasted list. */
export type ImportSourceName = { source: "file"; name: string; encoding: FileEncoding } | { source: "paste"; name: "" };

export const pastedList: ImportSourceName = { source: "paste", name: "" };
export const fileNamed = (name: string, encoding: FileEncoding): ImportSourceName => ({ source: "file", name, encoding });
