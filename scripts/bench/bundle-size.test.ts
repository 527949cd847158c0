import { describe, expect, it } from "vitest";
import { chunkKey, scriptSources } from "./bundle-size";

describe("bundle-size benchmark", () => {
  it("reads the external module scripts of a page, skipping inline and nomodule ones", () => {
    const html =
      '<head><script src="/_next/static/chunks/a.js" async=""></script>' +
      "<script src='/_next/static/chunks/b.js?dpl=x&amp;y=1' async></script>" +
      '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>' +
      '<script>self.__next_f.push([1,"src=\\"/not/a/script.js\\""])</script></head>';
    expect(scriptSources(html)).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/b.js?dpl=x&y=1"]);
  });

  it("names a chunk the same way in the HTML and in route-bundle-stats.json", () => {
    expect(chunkKey("/_next/static/chunks/b.js?dpl=x")).toBe("static/chunks/b.js");
    expect(chunkKey(".next/static/chunks/b.js")).toBe("static/chunks/b.js");
    expect(chunkKey("static/chunks/b.js")).toBe("static/chunks/b.js");
  });
});
