import type { Rng } from "../core/rng";
import { DAY_MS, tenantMidnight } from "../core/wf-date";
import type { AccessLevelRecord, UserRecord } from "../model/types";
import { asciiFold } from "./ascii-fold";
import type { LocalePool, NamePart } from "./name-pools";

/** The pieces of one seeded user: the record, its history, its email and phone. */
export const YEAR_MS = 365 * DAY_MS;
const DEACTIVATED_SHARE = 0.12;
const NEVER_LOGGED_IN_SHARE = 0.05;
const SCHEDULED_SHARE = 0.01;
const COUNTRY_CODES: Record<string, string> = {
  en_US: "+1",
  de_DE: "+49",
  fr_FR: "+33",
  es_ES: "+34",
  en_IE: "+353",
  sv_SE: "+46",
  ja_JP: "+81",
  zh_CN: "+86",
};

export interface UserSeed {
  ID: string;
  customerID: string;
  firstName: string;
  lastName: string;
  email: string;
  title: string | null;
  phoneNumber: string | null;
  level: AccessLevelRecord;
  homeGroupID: string;
  companyID: string | null;
  entryDate: number;
  timeZone: string;
  locale: string;
  updatedBy: string;
}

/** One object literal with every field, so all users share one hidden class (100,000 of them). */
export function makeUser(seed: UserSeed): UserRecord {
  return {
    ID: seed.ID,
    objCode: "USER",
    name: `${seed.firstName} ${seed.lastName}`,
    firstName: seed.firstName,
    lastName: seed.lastName,
    emailAddr: seed.email,
    username: seed.email,
    title: seed.title,
    phoneNumber: seed.phoneNumber,
    isActive: true,
    licenseType: seed.level.licenseType,
    accessLevelID: seed.level.ID,
    homeGroupID: seed.homeGroupID,
    companyID: seed.companyID,
    managerID: null,
    customerID: seed.customerID,
    entryDate: seed.entryDate,
    lastUpdateDate: seed.entryDate,
    lastUpdatedByID: seed.updatedBy,
    lastLoginDate: null,
    scheduleDeactivationDate: null,
    actualDeactivationDate: null,
    timeZone: seed.timeZone,
    locale: seed.locale,
    phoneExtension: null,
    mobilePhoneNumber: null,
    extRefID: null,
    defaultInterface: defaultInterfaceFor(seed.ID),
    enteredByID: seed.updatedBy,
    homeTeamID: null,
    roleID: null,
    scheduleID: null,
    resourcePoolID: null,
    layoutTemplateID: null,
    portalProfileID: null,
    timesheetProfileID: null,
    uumUserID: null,
    loginCount: 0,
    fte: 1,
    workHoursPerDay: 8,
    logTimeInDays: false,
    billingPerHour: 0,
    costPerHour: 0,
  };
}

/**
 * Mostly 0 (Default), some 2 (TeamHome) and 1 (Project Management Home), read off the ID's last
 * hex digit so that no RNG draw is spent and the rest of the seeded tenant stays as it was.
 */
export function defaultInterfaceFor(id: string): number {
  const digit = parseInt(id.slice(-1), 16);
  return digit === 0 ? 1 : digit <= 2 ? 2 : 0;
}

/** Logins counted at most once a day (view-user-login-info.md): about one every three days of tenure. */
export function loginCountFor(user: UserRecord): number {
  if (user.lastLoginDate === null) return 0;
  return 1 + Math.floor(Math.max(0, user.lastLoginDate - user.entryDate) / (3 * DAY_MS));
}

function between(rng: Rng, from: number, to: number): number {
  return Math.floor(from + rng.next() * Math.max(0, to - from));
}

export function fillHistory(rng: Rng, user: UserRecord, anchor: number): void {
  const neverLoggedIn = rng.chance(NEVER_LOGGED_IN_SHARE);
  if (rng.chance(DEACTIVATED_SHARE)) {
    const deactivated = between(
      rng,
      Math.min(user.entryDate + 30 * DAY_MS, anchor - DAY_MS),
      anchor - DAY_MS,
    );
    user.isActive = false;
    user.actualDeactivationDate = deactivated;
    user.lastUpdateDate = deactivated;
    user.lastLoginDate = neverLoggedIn ? null : between(rng, user.entryDate, deactivated);
    return;
  }
  user.lastLoginDate = neverLoggedIn
    ? null
    : between(rng, Math.max(user.entryDate, anchor - 3 * YEAR_MS), anchor);
  user.lastUpdateDate = between(rng, user.entryDate, anchor);
  if (rng.chance(SCHEDULED_SHARE))
    user.scheduleDeactivationDate = tenantMidnight(anchor + rng.between(1, 60) * DAY_MS);
}

/** About one in twenty users manages others; most people report to one of them. */
export function assignManagers(rng: Rng, users: UserRecord[]): void {
  const poolEnd = Math.min(users.length, 2 + Math.max(1, Math.floor(users.length / 20)));
  for (let i = 2; i < users.length; i++) {
    const user = users[i];
    if (!user || !rng.chance(0.85)) continue;
    const manager = users[rng.between(2, poolEnd - 1)] ?? users[0];
    if (manager && manager.ID !== user.ID) user.managerID = manager.ID;
  }
}

export function pickLastName(rng: Rng, pool: LocalePool): NamePart {
  const first = rng.pick(pool.lastNames);
  if (!pool.hyphenates || !rng.chance(0.06)) return first;
  const second = rng.pick(pool.lastNames);
  if (second.text === first.text) return first;
  return {
    text: `${first.text}-${second.text}`,
    ...(first.ascii && second.ascii ? { ascii: `${first.ascii}-${second.ascii}` } : {}),
  };
}

export function uniqueEmail(taken: Map<string, number>, local: string, domain: string): string {
  const bare = `${local}@${domain}`;
  const seen = taken.get(bare) ?? 0;
  taken.set(bare, seen + 1);
  if (seen === 0) return bare;
  // A generated "jane.doe2" could itself be a real later "jane.doe2"; loop until free.
  let n = seen + 1;
  while (taken.has(`${local}${n}@${domain}`)) n++;
  const email = `${local}${n}@${domain}`;
  taken.set(email, 1);
  return email;
}

export function phoneNumber(rng: Rng, locale: string): string {
  const digits = String(1_000_000_000 + rng.int(1_000_000_000)).slice(1);
  return `${COUNTRY_CODES[locale] ?? "+1"} ${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

export function memoizedFold(): (part: NamePart) => string {
  const cache = new Map<string, string>();
  return (part) => {
    if (part.ascii) return part.ascii;
    let folded = cache.get(part.text);
    if (folded === undefined) {
      folded = asciiFold(part.text) || "user";
      cache.set(part.text, folded);
    }
    return folded;
  };
}
