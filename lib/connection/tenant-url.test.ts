import { expect, it } from "vitest";
import { tenantOriginFrom } from "./tenant-url";

it("turns a Workfront domain, host or URL into the tenant's origin", () => {
  expect(tenantOriginFrom("acme")).toBe("https://acme.my.workfront.com");
  expect(tenantOriginFrom(" acme.my.workfront.adobe.com ")).toBe("https://acme.my.workfront.adobe.com");
  expect(tenantOriginFrom("https://acme.my.workfront.com/setup/home?x=1")).toBe("https://acme.my.workfront.com");
  expect(tenantOriginFrom("http://127.0.0.1:4010/attask")).toBe("http://127.0.0.1:4010");
  expect(tenantOriginFrom("http://localhost:4010")).toBe("http://localhost:4010");
  for (const bad of ["", "http://acme.my.workfront.com", "https://user:pw@acme.my.workfront.com", "a b", "javascript://x"]) {
    expect(() => tenantOriginFrom(bad), bad).toThrow();
  }
});
