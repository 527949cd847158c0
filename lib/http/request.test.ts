import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./request";

describe("isSameOrigin", () => {
  it("with a public URL, only its origin is ours, whatever Host says", () => {
    expect(isSameOrigin("https://offboard.example", "offboard.example", "https://offboard.example/")).toBe(true);
    expect(isSameOrigin("http://offboard.example", "offboard.example", "https://offboard.example")).toBe(false);
    expect(isSameOrigin("https://evil.example", "evil.example", "https://offboard.example")).toBe(false);
  });

  it("without one, the Host the browser asked for", () => {
    expect(isSameOrigin("http://127.0.0.1:3000", "127.0.0.1:3000", undefined)).toBe(true);
    expect(isSameOrigin("http://app.example", "app.example:80", undefined)).toBe(true);
    expect(isSameOrigin("https://evil.example", "127.0.0.1:3000", undefined)).toBe(false);
    expect(isSameOrigin("https://evil.example", null, undefined)).toBe(false);
    expect(isSameOrigin("null", "127.0.0.1:3000", undefined)).toBe(false);
  });
});
