import { describe, expect, it } from "vitest";
import { productFiles, seededSample } from "./sample";

describe("the files a mutation run mutates", () => {
  it("are a module's TypeScript without tests and test helpers, sorted", () => {
    expect(productFiles(["b.ts", "a.test.ts", "test-support.ts", "README.md", "a.ts"])).toEqual(["a.ts", "b.ts"]);
  });

  it("sample the same files for the same seed, whatever order they were listed in", () => {
    const files = Array.from({ length: 20 }, (_, i) => `f${i}.ts`);
    const once = seededSample(files, 5, 13);
    expect(once).toHaveLength(5);
    expect(new Set(once).size).toBe(5);
    expect(seededSample([...files].reverse(), 5, 13)).toEqual(once);
    expect(seededSample(files, 5, 14)).not.toEqual(once);
    expect(seededSample(files, 50, 13)).toEqual([...files].sort());
  });
});
