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

// Plain checks here, and every conversion (absent → null, dates → ISO) in `toWorkfrontUser`: a
// zod transform per field costs more than all the checks together, on every page of users.
const text = z.string().nullish();
const reference = z
  .object({ ID: z.string(), name: z.string().nullish(), isAdmin: z.boolean().nullish() })
  .loose()
  .nullish();

export const rawUserSchema = z
  .object({
    ID: z.string(),
    name: text,
    firstName: text,
    lastName: text,
    emailAddr: text,
    username: text,
    title: text,
    isActive: z.boolean(),
    licenseType: text,
    accessLevelID: text,
    accessLevel: reference,
    homeGroupID: text,
    homeGroup: reference,
    companyID: text,
    company: reference,
    managerID: text,
    entryDate: text,
    lastUpdateDate: text,
    lastLoginDate: text,
    scheduleDeactivationDate: text,
    actualDeactivationDate: text,
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

function toRef(id: string | null | undefined, ref: z.infer<typeof reference>): NamedRef | null {
  const refId = ref?.ID ?? id;
  return refId ? { id: refId, name: ref?.name ?? null } : null;
}

export function toWorkfrontUser(raw: z.infer<typeof rawUserSchema>): WorkfrontUser {
  const accessLevel = toRef(raw.accessLevelID, raw.accessLevel);
  return {
    id: raw.ID,
    name: raw.name ?? ([raw.firstName, raw.lastName].filter(Boolean).join(" ") || raw.ID),
    firstName: raw.firstName ?? null,
    lastName: raw.lastName ?? null,
    email: raw.emailAddr ?? null,
    username: raw.username ?? null,
    title: raw.title ?? null,
    isActive: raw.isActive,
    licenseType: raw.licenseType ?? null,
    accessLevel: accessLevel && { ...accessLevel, isAdmin: raw.accessLevel?.isAdmin ?? null },
    homeGroup: toRef(raw.homeGroupID, raw.homeGroup),
    company: toRef(raw.companyID, raw.company),
    managerId: raw.managerID ?? null,
    createdAt: parseWorkfrontDate(raw.entryDate),
    updatedAt: parseWorkfrontDate(raw.lastUpdateDate),
    lastLoginAt: parseWorkfrontDate(raw.lastLoginDate),
    scheduledDeactivationAt: parseWorkfrontDate(raw.scheduleDeactivationDate),
    deactivatedAt: parseWorkfrontDate(raw.actualDeactivationDate),
  };
}

export const userSchema = rawUserSchema.transform(toWorkfrontUser);

/** The fields the app writes. Each sets a fixed value, so a repeated PUT is harmless. */
export interface UserUpdates {
  isActive?: boolean;
  accessLevelID?: string;
  scheduleDeactivationDate?: string | null;
}
