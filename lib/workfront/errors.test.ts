import { expect, it, vi } from "vitest";
import { WorkfrontError, isCredentialError, isWorkfrontError } from "./errors";

it("recognises a WorkfrontError thrown by another copy of the module (another route's bundle)", async () => {
  vi.resetModules();
  // A query string makes Vite load a second, separate instance of the module.
  const path = "./errors?another-copy";
  const copy = (await import(/* @vite-ignore */ path)) as typeof import("./errors");
  const foreign = new copy.WorkfrontError("auth", "refused");
  expect(foreign).not.toBeInstanceOf(WorkfrontError);
  expect(isWorkfrontError(foreign)).toBe(true);
  expect(isCredentialError(foreign)).toBe(true);
  expect(isCredentialError(new copy.WorkfrontError("not_connected", "none"))).toBe(true);
  expect(isCredentialError(new copy.WorkfrontError("timeout", "slow"))).toBe(false);
  expect(isWorkfrontError(new Error("plain"))).toBe(false);
  expect(isWorkfrontError(null)).toBe(false);
});
