import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { directRequests } from "./users-route";
import { isNextCommand, sourcesNewerThanBuild } from "./users-route-app";

describe("users-route benchmark", () => {
  it("sends the emulator the search and the count the route makes for the default view", () => {
    const { search, count } = directRequests();
    expect(search.get("fields")?.split(",")).toHaveLength(20);
    expect(search.get("fields")).toContain("accessLevel:name");
    expect(search.get("isActive")).toBe("true");
    expect(search.get("name_1_Sort")).toBe("ciasc");
    expect(search.get("ID_2_Sort")).toBe("asc");
    expect(search.get("$$FIRST")).toBe("0");
    expect(search.get("$$LIMIT")).toBe("25");
    expect(count.toString()).toBe("isActive=true");
  });

  it("recognises next build and next start processes, and nothing else", () => {
    expect(isNextCommand(["/usr/bin/node", "/work/main/node_modules/.bin/next", "build"], "build")).toBe(
      true,
    );
    expect(isNextCommand(["next-build (v16.4.6)"], "build")).toBe(true);
    expect(isNextCommand(["next-server (v16.4.6)"], "start")).toBe(true);
    expect(
      isNextCommand(["node", "node_modules/next/dist/bin/next", "start", "--port", "3100"], "start"),
    ).toBe(true);
    expect(isNextCommand(["sh", "-c", "next build && playwright test"], "build")).toBe(false);
    expect(isNextCommand(["node", "node_modules/.bin/next", "start"], "build")).toBe(false);
    expect(isNextCommand(["grep", "next build"], "build")).toBe(false);
  });

  it("calls a build stale when code it bundles changed after it, not tests, helpers or docs", () => {
    const dir = mkdtempSync(join(tmpdir(), "wf-bench-stale-"));
    try {
      const write = (path: string, at: number) => {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), "x");
        utimesSync(join(dir, path), at, at);
      };
      write(".next/BUILD_ID", 1000);
      write("app/old.tsx", 900);
      expect(sourcesNewerThanBuild(dir)).toEqual([]);
      for (const path of [
        "lib/a.test.ts",
        "lib/jobs/test-support.ts",
        "lib/test/stub.ts",
        "lib/jobs/README.md",
        "e2e/x.ts",
      ]) {
        write(path, 2000);
      }
      expect(sourcesNewerThanBuild(dir)).toEqual([]);
      write("components/table.tsx", 2000);
      write("package-lock.json", 2001);
      expect(sourcesNewerThanBuild(dir)).toEqual(["package-lock.json", "components/table.tsx"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
