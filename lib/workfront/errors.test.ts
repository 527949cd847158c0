import { expect, it, vi } from "vitest";
import { WorkfrontError, isCredentialError, isWorkfrontError } from "./errors";

it("recognises a WorkfrontError thrown by another copy of the module (another route's bundle)", async () => {
  vi.resetModules();
  const copy = (await import("./errors?another-copy")) as typeof import("./errors");
  const foreign = new copy.WorkfrontError("auth", "refused");
  expect(foreign).not.toBeInstanceOf(WorkfrontError);
  expect(isWorkfrontError(foreign)).toBe(true);
  expect(isCredentialError(foreign)).toBe(true);
  expect(isCredentialError(new copy.WorkfrontError("not_connected", "none"))).toBe(true);
  expect(isCredentialError(new copy.WorkfrontError("timeout", "slow"))).toBe(false);
  expect(isWorkfrontError(new Error("plain"))).toBe(false);
  expect(isWorkfrontError(null)).toBe(false);
});
