import { WorkfrontError } from "./errors";
import type { WorkfrontUser } from "./user";

/** A Workfront ID made from a number, for tests: 32 hex digits. */
export const wfId = (n: number): string => n.toString(16).padStart(32, "0");

/** A Workfront user for tests: active, every optional field empty, then `overrides`. */
export function workfrontUser(id: string, overrides: Partial<WorkfrontUser> = {}): WorkfrontUser {
  return {
    id,
    name: `User ${id.slice(0, 4)}`,
    firstName: null,
    lastName: null,
    email: null,
    username: null,
    title: null,
    isActive: true,
    licenseType: null,
    accessLevel: null,
    homeGroup: null,
    company: null,
    managerId: null,
    createdAt: null,
    updatedAt: null,
    lastLoginAt: null,
    scheduledDeactivationAt: null,
    deactivatedAt: null,
    ...overrides,
  };
}

/** The WorkfrontError a synchronous call throws; fails the test if it throws nothing or something else. */
export function thrownWorkfrontError(action: () => unknown): WorkfrontError {
  try {
    action();
  } catch (error) {
    if (error instanceof WorkfrontError) return error;
    throw error;
  }
  throw new Error("expected a WorkfrontError");
}
