/** Where a list came from, for headings: a file by its name, or the pasted list. */
export type ImportSourceName = { source: "file"; name: string } | { source: "paste"; name: "" };

export const pastedList: ImportSourceName = { source: "paste", name: "" };
export const fileNamed = (name: string): ImportSourceName => ({ source: "file", name });
