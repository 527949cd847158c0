import type { LicenseTypeOption } from "../config";
import type { Rng } from "../core/rng";
import type { AccessLevelRecord, CompanyRecord, CustomerRecord, GroupRecord } from "../model/types";

/**
 * The small objects users point at. Access levels carry a licence "tier" (0 = the top licence of
 * the configured list, 1 = the next…) so a custom licence list still maps onto them.
 */
interface AccessLevelTemplate {
  name: string;
  description: string;
  isAdmin: boolean;
  tier: number;
  /** Share of ordinary users given this level. */
  weight: number;
}

export const SYSTEM_ADMIN_LEVEL = "System Administrator";

const ACCESS_LEVELS: AccessLevelTemplate[] = [
  { name: SYSTEM_ADMIN_LEVEL, description: "Full access to everything", isAdmin: true, tier: 0, weight: 0.6 },
  {
    name: "Group Administrator",
    description: "Manages users of their groups",
    isAdmin: false,
    tier: 0,
    weight: 2,
  },
  { name: "Planner", description: "Plans projects and resources", isAdmin: false, tier: 0, weight: 24 },
  { name: "Worker", description: "Works on tasks and issues", isAdmin: false, tier: 1, weight: 38 },
  { name: "Reviewer", description: "Reviews and approves work", isAdmin: false, tier: 1, weight: 10 },
  { name: "Requestor", description: "Submits requests", isAdmin: false, tier: 2, weight: 22 },
  { name: "External User", description: "Contractors and partners", isAdmin: false, tier: 2, weight: 3.4 },
];

const GROUPS = [
  "Marketing",
  "Engineering",
  "Finance",
  "Human Resources",
  "Sales EMEA",
  "Sales Americas",
  "Sales APAC",
  "Operations",
  "Legal",
  "Product Management",
  "Customer Success",
  "IT",
  "Design Studio",
  "Procurement",
  "Data & Analytics",
  "Recherche & Développement",
];

export interface CompanyTemplate {
  name: string;
  domain: string;
  /** Share of users employed through this company. */
  weight: number;
}

export const COMPANIES: CompanyTemplate[] = [
  { name: "Acme Corporation", domain: "acme.example", weight: 86 },
  { name: "Globex Consulting", domain: "globex.example", weight: 6 },
  { name: "Initech Staffing", domain: "initech.example", weight: 4 },
  { name: "Société Générale d'Études", domain: "sge.example", weight: 2.5 },
  { name: "Umbrella Partners GmbH", domain: "umbrella.example", weight: 1.5 },
];

export const TITLES = [
  "Project Manager",
  "Senior Project Manager",
  "Program Director",
  "Software Engineer",
  "Senior Software Engineer",
  "Staff Engineer",
  "Product Manager",
  "UX Designer",
  "Graphic Designer",
  "Copywriter",
  "Marketing Specialist",
  "Marketing Manager",
  "Financial Analyst",
  "Controller",
  "HR Business Partner",
  "Recruiter",
  "Account Executive",
  "Sales Manager",
  "Customer Success Manager",
  "Support Engineer",
  "Data Analyst",
  "Data Scientist",
  "IT Administrator",
  "Legal Counsel",
  "Paralegal",
  "Procurement Officer",
  "Operations Manager",
  "Chief of Staff",
  "VP, Marketing",
  "Director of Engineering",
  "Contractor",
  "Intern",
];

export function buildAccessLevels(
  rng: Rng,
  customerID: string,
  licenseTypes: LicenseTypeOption[],
  entryDate: number,
): { records: AccessLevelRecord[]; weights: { weight: number; value: AccessLevelRecord }[] } {
  const records: AccessLevelRecord[] = [];
  const weights: { weight: number; value: AccessLevelRecord }[] = [];
  for (const template of ACCESS_LEVELS) {
    const license = licenseTypes[Math.min(template.tier, licenseTypes.length - 1)] ?? licenseTypes[0];
    const record: AccessLevelRecord = {
      ID: rng.hexId(),
      objCode: "ACSLVL",
      name: template.name,
      description: template.description,
      isAdmin: template.isAdmin,
      licenseType: license?.value ?? "FULL",
      customerID,
      entryDate,
      lastUpdatedDate: entryDate,
    };
    records.push(record);
    weights.push({ weight: template.weight, value: record });
  }
  return { records, weights };
}

export function buildGroups(rng: Rng, customerID: string, entryDate: number): GroupRecord[] {
  return GROUPS.map((name) => ({
    ID: rng.hexId(),
    objCode: "GROUP" as const,
    name,
    description: `${name} home group`,
    customerID,
    entryDate,
  }));
}

export function buildCompanies(rng: Rng, customerID: string, entryDate: number): CompanyRecord[] {
  return COMPANIES.map((company) => ({
    ID: rng.hexId(),
    objCode: "CMPY" as const,
    name: company.name,
    customerID,
    entryDate,
  }));
}

export function buildCustomer(rng: Rng, entryDate: number, timeZone: string): CustomerRecord {
  return {
    ID: rng.hexId(),
    objCode: "CUST",
    name: "Acme Corporation",
    adminUserID: "", // filled once the main admin exists
    domain: "acme",
    timeZone,
    locale: "en_US",
    entryDate,
  };
}
