import { z } from "zod";
import { parseWorkfrontDate } from "./dates";

/**
 * The USER fields the app reads, how they are asked for, and how Workfront's shape becomes ours.
 * Callers never see vendor JSON: they get `WorkfrontUser`, with ISO dates and camel-case names.
 */
export const USER_FIELDS = [
  "firstName",
  "lastName",
  "emailAddr",
  "username",
  "title",
  "isActive",
  "licenseType",
  "accessLevelID",
  "accessLevel:name",
  "accessLevel:isAdmin",
  "homeGroupID",
  "homeGroup:name",
  "companyID",
  "company:name",
  "managerID",
  "entryDate",
  "lastUpdateDate",
  "lastLoginDate",
  "scheduleDeactivationDate",
  "actualDeactivationDate",
] as const;

const nullableString = z.string().nullish().transform((value) => value ?? null);
const workfrontDate = nullableString.transform(parseWorkfrontDate);
const reference = z
  .object({ ID: z.string(), name: z.string().nullish(), isAdmin: z.boolean().nullish() })
  .loose()
  .nullish();

export const rawUserSchema = z
  .object({
    ID: z.string(),
    name: nullableString,
    firstName: nullableString,
    lastName: nullableString,
    emailAddr: nullableString,
    username: nullableString,
    title: nullableString,
    isActive: z.boolean(),
    licenseType: nullableString,
    accessLevelID: nullableString,
    accessLevel: reference,
    homeGroupID: nullableString,
    homeGroup: reference,
    companyID: nullableString,
    company: reference,
    managerID: nullableString,
    entryDate: workfrontDate,
    lastUpdateDate: workfrontDate,
    lastLoginDate: workfrontDate,
    scheduleDeactivationDate: workfrontDate,
    actualDeactivationDate: workfrontDate,
  })
  .loose();

export interface NamedRef {
  id: string;
  name: string | null;
}

export interface WorkfrontUser {
  id: string;
  name: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  username: string | null;
  title: string | null;
  isActive: boolean;
  /** An opaque Workfront code; labels come from `userMetadata()`. */
  licenseType: string | null;
  accessLevel: (NamedRef & { isAdmin: boolean | null }) | null;
  homeGroup: NamedRef | null;
  company: NamedRef | null;
  managerId: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  lastLoginAt: string | null;
  scheduledDeactivationAt: string | null;
  deactivatedAt: string | null;
}

function toRef(id: string | null, ref: z.infer<typeof reference>): NamedRef | null {
  const refId = ref?.ID ?? id;
  return refId ? { id: refId, name: ref?.name ?? null } : null;
}

export function toWorkfrontUser(raw: z.infer<typeof rawUserSchema>): WorkfrontUser {
  const accessLevel = toRef(raw.accessLevelID, raw.accessLevel);
  return {
    id: raw.ID,
    name: raw.name ?? ([raw.firstName, raw.lastName].filter(Boolean).join(" ") || raw.ID),
    firstName: raw.firstName,
    lastName: raw.lastName,
    email: raw.emailAddr,
    username: raw.username,
    title: raw.title,
    isActive: raw.isActive,
    licenseType: raw.licenseType,
    accessLevel: accessLevel && { ...accessLevel, isAdmin: raw.accessLevel?.isAdmin ?? null },
    homeGroup: toRef(raw.homeGroupID, raw.homeGroup),
    company: toRef(raw.companyID, raw.company),
    managerId: raw.managerID,
    createdAt: raw.entryDate,
    updatedAt: raw.lastUpdateDate,
    lastLoginAt: raw.lastLoginDate,
    scheduledDeactivationAt: raw.scheduleDeactivationDate,
    deactivatedAt: raw.actualDeactivationDate,
  };
}

export const userSchema = rawUserSchema.transform(toWorkfrontUser);

/** The fields the app writes. Each sets a fixed value, so a repeated PUT is harmless. */
export interface UserUpdates {
  isActive?: boolean;
  accessLevelID?: string;
  scheduleDeactivationDate?: string | null;
}
