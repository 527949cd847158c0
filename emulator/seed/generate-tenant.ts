import type { LicenseTypeOption } from "../config";
import { createRng } from "../core/rng";
import { DAY_MS, TENANT_TIME_ZONE } from "../core/wf-date";
import type { AccessLevelRecord, TenantData, UserRecord } from "../model/types";
import { generateWork } from "./generate-work";
import { LOCALE_POOLS } from "./name-pools";
import {
  COMPANIES,
  SYSTEM_ADMIN_LEVEL,
  TITLES,
  buildAccessLevels,
  buildCompanies,
  buildCustomer,
  buildGroups,
} from "./reference-data";
import {
  YEAR_MS,
  assignManagers,
  fillHistory,
  loginCountFor,
  makeUser,
  memoizedFold,
  phoneNumber,
  pickLastName,
  uniqueEmail,
} from "./user-factory";

export interface SeedParams {
  seed: number;
  users: number;
  licenseTypes: LicenseTypeOption[];
  /** "Now" for the generated history. Same seed + same anchor => identical tenant. */
  anchorMs: number;
}

// Stable whatever the seed, so demos and tests can name them.
export const MAIN_ADMIN_USERNAME = "admin@acme.example";
export const INTEGRATION_USERNAME = "integration@acme.example";
export const INTEGRATION_USER_NAME = "Workfront Integration";

/** The seeded tenant: user 0 is the Customer's main admin, user 1 the integration user. */
export function generateTenant(params: SeedParams): TenantData {
  const rng = createRng(params.seed);
  const anchor = params.anchorMs;
  const founded = anchor - 9 * YEAR_MS;
  const customer = buildCustomer(rng, founded, TENANT_TIME_ZONE);
  const { records: accessLevels, weights: levelWeights } = buildAccessLevels(
    rng,
    customer.ID,
    params.licenseTypes,
    founded,
  );
  const groups = buildGroups(rng, customer.ID, founded);
  const companies = buildCompanies(rng, customer.ID, founded);
  const sysAdmin = accessLevels.find((level) => level.name === SYSTEM_ADMIN_LEVEL) as AccessLevelRecord;
  const pickCompany = rng.weightedPicker(
    COMPANIES.map((company, i) => ({ weight: company.weight, value: i })),
  );
  const pickPool = rng.weightedPicker(LOCALE_POOLS.map((pool) => ({ weight: pool.weight, value: pool })));
  const pickLevel = rng.weightedPicker(levelWeights);
  const takenEmails = new Map<string, number>([
    [MAIN_ADMIN_USERNAME, 1],
    [INTEGRATION_USERNAME, 1],
  ]);
  const fold = memoizedFold();
  const itGroup = groupIdByName(groups, "IT");
  const acme = companies[0]?.ID ?? null;

  const adminID = rng.hexId();
  const mainAdmin = makeUser({
    ID: adminID,
    customerID: customer.ID,
    firstName: "Avery",
    lastName: "Admin",
    email: MAIN_ADMIN_USERNAME,
    title: "Workfront System Administrator",
    phoneNumber: "+1 602 555 0100",
    level: sysAdmin,
    homeGroupID: itGroup,
    companyID: acme,
    entryDate: founded,
    timeZone: TENANT_TIME_ZONE,
    locale: "en_US",
    updatedBy: adminID,
  });
  mainAdmin.lastUpdateDate = anchor - 30 * DAY_MS;
  mainAdmin.lastLoginDate = anchor - 3_600_000;
  const integration = makeUser({
    ID: rng.hexId(),
    customerID: customer.ID,
    firstName: "Workfront",
    lastName: "Integration",
    email: INTEGRATION_USERNAME,
    title: "API Integration",
    phoneNumber: null,
    level: sysAdmin,
    homeGroupID: itGroup,
    companyID: acme,
    entryDate: anchor - 2 * YEAR_MS,
    timeZone: TENANT_TIME_ZONE,
    locale: "en_US",
    updatedBy: adminID,
  });
  integration.managerID = adminID;
  integration.lastUpdateDate = anchor - 60 * DAY_MS;
  integration.lastLoginDate = anchor - 600_000;
  customer.adminUserID = adminID;
  const users: UserRecord[] = [mainAdmin, integration];

  for (let i = 2; i < params.users; i++) {
    const pool = pickPool();
    const first = rng.pick(pool.firstNames);
    const last = pickLastName(rng, pool);
    const companyIndex = pickCompany();
    const domain = COMPANIES[companyIndex]?.domain ?? "acme.example";
    const level = pickLevel();
    const user = makeUser({
      ID: rng.hexId(),
      customerID: customer.ID,
      firstName: first.text,
      lastName: last.text,
      email: uniqueEmail(takenEmails, `${fold(first)}.${fold(last)}`, domain),
      title: rng.chance(0.95) ? rng.pick(TITLES) : null,
      phoneNumber: rng.chance(0.7) ? phoneNumber(rng, pool.locale) : null,
      level,
      homeGroupID: rng.pick(groups).ID,
      companyID: companies[companyIndex]?.ID ?? null,
      entryDate: anchor - rng.between(14, 8 * 365) * DAY_MS - rng.int(DAY_MS),
      timeZone: rng.pick(pool.timeZones),
      locale: pool.locale,
      updatedBy: adminID,
    });
    fillHistory(rng, user, anchor);
    users.push(user);
  }
  assignManagers(rng, users);
  for (const user of users) user.loginCount = loginCountFor(user);
  return {
    customer,
    accessLevels,
    groups,
    companies,
    users,
    // After the users, from an RNG of its own: the users are the same with or without it.
    work: generateWork(params.seed, anchor, users),
    adminUserID: adminID,
    integrationUserID: integration.ID,
  };
}

function groupIdByName(groups: { ID: string; name: string }[], name: string): string {
  const group = groups.find((g) => g.name === name) ?? groups[0];
  if (!group) throw new Error("seed has no groups");
  return group.ID;
}
