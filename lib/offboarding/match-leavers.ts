import "server-only";
import { z } from "zod";
import type { Role } from "@/lib/auth/roles";
import type { WorkfrontUser } from "@/lib/workfront";
import { refusalOf } from "./change-status";
import type { OffboardingDeps } from "./deps";
import { MAX_SCANNED_USERS, allUsers, findUsersByEmails, findUsersByIds } from "./find-users";
import { type Delimiter, type InvalidCode, type LastDay, type ParsedImport, type ValueKind, parseLeavers } from "./parse-leavers";
import { tenantFacts } from "./tenant-facts";
import { endOfDay } from "@/lib/time/zoned-day";
import type { RefusalCode } from "./user-dto";

/** The import preview: what a deactivation run would do with each line of a leavers list. */
export const MAX_IMPORT_CHARS = 4_000_000;

export const matchBodySchema = z
  .object({
    /** A pasted list: one per line (a pasted CSV with a header is recognised). */
    text: z.string().max(MAX_IMPORT_CHARS, "text: too long").optional(),
    /** An uploaded CSV file's text, header first. */
    csv: z.string().max(MAX_IMPORT_CHARS, "csv: too long").optional(),
    /** The CSV column to read: its header name or 1-based number, when the header does not say. */
    column: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((body) => (body.text === undefined) !== (body.csv === undefined), "Send either text or csv.");

export type MatchBody = z.infer<typeof matchBodySchema>;

export const MATCH_STATES = [
  "will_deactivate",
  "already_deactivated",
  "protected",
  /** An active System Administrator, for the admin role: left out of the run unless included on purpose. */
  "system_admin",
  "not_found",
  "ambiguous",
  "duplicate",
  "invalid",
  "blank",
] as const;
export type MatchState = (typeof MATCH_STATES)[number];

export interface MatchedUserDto {
  id: string;
  name: string;
  email: string | null;
  username: string | null;
  isActive: boolean;
  licenseType: string | null;
  licenseTypeLabel: string | null;
  isAdmin: boolean;
}

export interface MatchLineDto {
  /** The line in the file (1-based; a CSV record's first line). */
  line: number;
  value: string | null;
  kind: ValueKind | null;
  state: MatchState;
  /**
   * Why, as a code the preview translates: protected: main_admin | integration_user | configured |
   * admin_target; invalid: an InvalidCode; not_found: usernames_unchecked, or null.
   */
  code: RefusalCode | InvalidCode | "usernames_unchecked" | null;
  /** Why protected, invalid, ambiguous, not found or a duplicate, in words. */
  reason: string | null;
  /** duplicate: the line that names the same person (or value) first. */
  duplicateOf: number | null;
  user: MatchedUserDto | null;
  /** ambiguous: everyone the value matches. */
  candidates: MatchedUserDto[] | null;
  /**
   * The line's last day (a CSV's last-day column): `day` null when the cell is not a date. A day
   * still ahead is scheduled at its end in APP_TIME_ZONE (`dueAt`); a past one (`past`) is
   * offered as "deactivate now". Null without such a column or with an empty cell.
   */
  lastDay: { day: string | null; text: string; dueAt: string | null; past: boolean } | null;
}

export interface MatchReportDto {
  format: "lines" | "csv";
  delimiter: Delimiter | null;
  header: string[] | null;
  column: { index: number; name: string } | null;
  counts: Record<MatchState, number>;
  /** The last-day column read, if any. */
  lastDayColumn: { index: number; name: string } | null;
  /** The people a run would deactivate now (state will_deactivate with no last day, or one past), in file order. */
  userIds: string[];
  /** The people whose last day is still ahead (state will_deactivate): scheduled at the end of it. */
  scheduled: { userId: string; day: string; dueAt: string }[];
  /** The System Administrators an admin may add to the run on purpose (state system_admin). */
  adminIds: string[];
  licensesFreed: { licenseType: string | null; label: string; count: number }[];
  lines: MatchLineDto[];
}

/** Matching reads Workfront only. */
export type MatchDeps = Pick<OffboardingDeps, "client" | "protectedUsers">;

interface Index {
  byId: Map<string, WorkfrontUser>;
  byEmail: Map<string, WorkfrontUser[]>;
  byUsername: Map<string, WorkfrontUser[]>;
  /** Usernames could not be checked: the tenant is too big to read whole. */
  usernamesUnchecked: boolean;
}

function add(map: Map<string, WorkfrontUser[]>, key: string | null, user: WorkfrontUser) {
  if (!key) return;
  const list = map.get(key.toLowerCase()) ?? [];
  if (!list.some((known) => known.id === user.id)) list.push(user);
  map.set(key.toLowerCase(), list);
}

async function buildIndex(deps: MatchDeps, parsed: ParsedImport, signal?: AbortSignal): Promise<Index> {
  const values = parsed.lines.flatMap((line) => (line.status === "value" ? [line] : []));
  const ids = values.filter((v) => v.kind === "id").map((v) => v.value);
  const emails = values.filter((v) => v.kind === "email").map((v) => v.value);
  const [byIds, byEmails] = await Promise.all([
    ids.length ? findUsersByIds(deps.client, ids, signal) : [],
    emails.length ? findUsersByEmails(deps.client, emails, signal) : [],
  ]);
  const index: Index = { byId: new Map(), byEmail: new Map(), byUsername: new Map(), usernamesUnchecked: false };
  const remember = (user: WorkfrontUser) => {
    index.byId.set(user.id, user);
    add(index.byEmail, user.email, user);
    add(index.byUsername, user.username, user);
  };
  [...byIds, ...byEmails].forEach(remember);
  // Usernames, and e-mails that are no one's address but may be someone's login, need the tenant.
  const leftovers = values.some(
    (v) => v.kind === "username" || (v.kind === "email" && !index.byEmail.has(v.value.toLowerCase())),
  );
  if (leftovers) {
    const everyone = await allUsers(deps.client, {}, MAX_SCANNED_USERS, signal);
    if (everyone.users) everyone.users.forEach(remember);
    else index.usernamesUnchecked = true;
  }
  return index;
}

function matchesOf(index: Index, value: string, kind: ValueKind): WorkfrontUser[] {
  if (kind === "id") {
    const user = index.byId.get(value);
    return user ? [user] : [];
  }
  const key = value.toLowerCase();
  const found = [...(kind === "email" ? (index.byEmail.get(key) ?? []) : []), ...(index.byUsername.get(key) ?? [])];
  return [...new Map(found.map((user) => [user.id, user])).values()];
}

/**
 * Matches each line to a Workfront user and says what a deactivation run would do: will
 * deactivate, already deactivated, protected (and why, for this role), not found, ambiguous
 * (several people), duplicate (named on an earlier line), invalid or blank.
 */
export async function matchLeavers(
  deps: MatchDeps,
  input: MatchBody,
  role: Role,
  signal?: AbortSignal,
  /** The organisation's zone (APP_TIME_ZONE) and the moment that decides "still ahead". */
  clock: { timeZone: string; now: () => Date } = { timeZone: "UTC", now: () => new Date() },
): Promise<MatchReportDto> {
  const parsed = parseLeavers(input);
  const [index, facts] = await Promise.all([buildIndex(deps, parsed, signal), tenantFacts(deps.client)]);
  const toDto = (user: WorkfrontUser): MatchedUserDto => ({
    id: user.id,
    name: user.name,
    email: user.email,
    username: user.username,
    isActive: user.isActive,
    licenseType: user.licenseType,
    licenseTypeLabel: user.licenseType ? (facts.licenseLabels.get(user.licenseType) ?? user.licenseType) : null,
    isAdmin: user.accessLevel?.isAdmin === true,
  });
  const now = clock.now().getTime();
  const lastDayOf = (lastDay: LastDay | undefined): MatchLineDto["lastDay"] => {
    if (!lastDay) return null;
    if (lastDay.day === null) return { day: null, text: lastDay.text, dueAt: null, past: false };
    const dueAt = endOfDay(lastDay.day, clock.timeZone);
    return { day: lastDay.day, text: lastDay.text, dueAt: dueAt.toISOString(), past: dueAt.getTime() <= now };
  };
  const firstLineOfUser = new Map<string, number>();
  const firstLineOfValue = new Map<string, number>();
  const lines = parsed.lines.map((line): MatchLineDto => {
    const base = { line: line.line, value: null, kind: null, code: null, reason: null, duplicateOf: null, user: null, candidates: null, lastDay: null };
    if (line.status === "blank") return { ...base, state: "blank", reason: "Blank line." };
    if (line.status === "invalid") return { ...base, value: line.text, state: "invalid", code: line.code, reason: line.reason };
    const named = { ...base, value: line.value, kind: line.kind, lastDay: lastDayOf(line.lastDay) };
    const valueKey = `${line.kind}:${line.value.toLowerCase()}`;
    const earlierValue = firstLineOfValue.get(valueKey);
    if (earlierValue === undefined) firstLineOfValue.set(valueKey, line.line);
    const found = matchesOf(index, line.value, line.kind);
    if (found.length === 0) {
      if (earlierValue !== undefined) return { ...named, state: "duplicate", duplicateOf: earlierValue, reason: `Same as line ${earlierValue}.` };
      const unchecked = line.kind === "username" && index.usernamesUnchecked;
      const reason = unchecked
          ? `Usernames cannot be checked in a tenant of more than ${MAX_SCANNED_USERS} users: use e-mails or IDs.`
          : "No Workfront user has this " + (line.kind === "id" ? "ID." : line.kind === "email" ? "e-mail address or username." : "username.");
      return { ...named, state: "not_found", code: unchecked ? "usernames_unchecked" : null, reason };
    }
    if (found.length > 1) {
      return { ...named, state: "ambiguous", candidates: found.map(toDto), reason: `${found.length} Workfront users match this ${line.kind}.` };
    }
    const user = found[0]!;
    const earlier = firstLineOfUser.get(user.id);
    if (earlier !== undefined) {
      return { ...named, state: "duplicate", duplicateOf: earlier, user: toDto(user), reason: `${user.name} is already on line ${earlier}.` };
    }
    firstLineOfUser.set(user.id, line.line);
    const refusal = refusalOf(deps, user, { action: "deactivate", actor: { role }, bulk: { includeAdmins: false } }, facts);
    if (refusal?.refusal === "admin_not_included") {
      return user.isActive ? { ...named, state: "system_admin", user: toDto(user) } : { ...named, state: "already_deactivated", user: toDto(user) };
    }
    if (refusal) {
      return { ...named, state: "protected", user: toDto(user), code: refusal.refusal, reason: refusal.message };
    }
    if (!user.isActive) return { ...named, state: "already_deactivated", user: toDto(user) };
    return { ...named, state: "will_deactivate", user: toDto(user) };
  });
  const counts = Object.fromEntries(MATCH_STATES.map((state) => [state, 0])) as Record<MatchState, number>;
  for (const line of lines) counts[line.state] += 1;
  const going = lines.filter((line) => line.state === "will_deactivate" && line.user);
  const later = going.filter((line) => line.lastDay?.dueAt && !line.lastDay.past);
  const licences = new Map<string | null, { licenseType: string | null; label: string; count: number }>();
  for (const { user } of going) {
    const entry = licences.get(user!.licenseType) ?? { licenseType: user!.licenseType, label: user!.licenseTypeLabel ?? "No licence type", count: 0 };
    entry.count += 1;
    licences.set(user!.licenseType, entry);
  }
  return {
    format: parsed.format,
    delimiter: parsed.delimiter,
    header: parsed.header,
    column: parsed.column,
    counts,
    lastDayColumn: parsed.lastDayColumn,
    // A last day that is not a date is neither run now nor scheduled: HR corrects the file (the preview says so).
    userIds: going.filter((line) => !line.lastDay || line.lastDay.past).map((line) => line.user!.id),
    scheduled: later.map((line) => ({ userId: line.user!.id, day: line.lastDay!.day!, dueAt: line.lastDay!.dueAt! })),
    adminIds: lines.flatMap((line) => (line.state === "system_admin" && line.user ? [line.user.id] : [])),
    licensesFreed: [...licences.values()].sort((a, b) => b.count - a.count),
    lines,
  };
}
