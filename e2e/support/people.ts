import { type APIRequestContext, expect } from "@playwright/test";
import type { UserDto, UserListPage } from "@/lib/offboarding/user-dto";
import { blockingOf } from "@/lib/offboarding/impact/blocking";
import type { ImpactCounts } from "@/lib/offboarding/impact/types";

/**
 * Every spec shares one emulator tenant and one database, so a spec that changes people changes
 * only its own: each has a slice of the seeded tenant nobody else touches, which makes the specs
 * independent of each other and of the order they run in.
 *
 * - A spec that works through a search on the users page gets a whole e-mail domain, which its
 *   search narrows the table to (`RESERVED_DOMAINS`).
 * - Every other spec gets a run of people in e-mail order among the rest (`POOL_SIZES`, laid out
 *   one after the other; append a new spec at the end, so no other slice moves).
 *
 * E-mail order does not change with anyone's status or with the day the emulator's history is
 * anchored at, and the seeded people are the same for a seed. A slice is read at the start of a
 * test: its people are in whatever state this spec left them, which is their seeded state unless
 * a test of this spec failed half-way (then `active()` skips whom it left deactivated).
 *
 * About one seeded person in thirty holds work that blocks deactivation (approvals awaiting them,
 * a stage where they are the only approver: issue 16's gate). `active()` leaves them out, so a
 * spec that deactivates its people is not refused; `blocked()` gives them to a spec that wants them.
 */
export const RESERVED_DOMAINS: Record<string, string> = {
  "bulk.spec.ts": "globex.example",
  "admin-tools.spec.ts": "initech.example",
};

/** A pool of its own for one test of person.spec.ts (`peopleOf(request, PER_CATEGORY_POOL)`). */
export const PER_CATEGORY_POOL = "person.spec.ts: a successor per category";

const POOL_SIZES: [spec: string, size: number][] = [
  ["users-actions.spec.ts", 12],
  ["i18n-users.spec.ts", 6],
  ["import.spec.ts", 60],
  ["jobs.spec.ts", 16],
  ["audit.spec.ts", 6],
  ["i18n-bulk.spec.ts", 8],
  ["credential-leak.spec.ts", 6],
  ["users-api.spec.ts", 16],
  ["concurrent-actions.spec.ts", 4],
  ["hr.spec.ts", 10],
  ["person.spec.ts", 40],
  ["schedule.spec.ts", 12],
  ["gate.spec.ts", 70],
  // person.spec.ts's test of a successor per category: it needs someone holding two kinds of work.
  [PER_CATEGORY_POOL, 80],
];

async function wholeTenant(request: APIRequestContext): Promise<UserDto[]> {
  const users: UserDto[] = [];
  for (let page = 1; ; page++) {
    const response = await request.get(`/api/users?status=all&sort=email&dir=asc&pageSize=200&page=${page}`);
    expect(response.ok(), "listing the tenant for the specs' people").toBe(true);
    const body = (await response.json()) as UserListPage;
    users.push(...body.users);
    if (users.length >= body.total || body.users.length === 0) return users;
  }
}

/** This spec's people, in e-mail order, as they are now. */
export class People {
  constructor(
    readonly spec: string,
    readonly all: UserDto[],
    /** Whose open work blocks their deactivation now (the gate), by ID. */
    readonly blockedIds: ReadonlySet<string> = new Set(),
  ) {}

  /** Active people an operator may deactivate: not protected, no System Administrator, with an e-mail, no blocking work. */
  active(count: number): UserDto[] {
    return this.take(count, "active people an operator may deactivate", (user) => this.deactivatable(user) && !this.blockedIds.has(user.id));
  }

  /** Active people an operator could deactivate but for the work that blocks it (the gate). */
  blocked(count: number): UserDto[] {
    return this.take(count, "active people whose open work blocks deactivation", (user) => this.deactivatable(user) && this.blockedIds.has(user.id));
  }

  private deactivatable(user: UserDto): boolean {
    return user.isActive && !user.protection && !user.isAdmin && !!user.email;
  }

  deactivated(count: number): UserDto[] {
    return this.take(count, "deactivated people", (user) => !user.isActive && !!user.email);
  }

  private take(count: number, what: string, wanted: (user: UserDto) => boolean): UserDto[] {
    const found = this.all.filter(wanted).slice(0, count);
    expect(found.length, `${this.spec} needs ${count} ${what} among its ${this.all.length} (e2e/support/people.ts)`).toBe(count);
    return found;
  }
}

/** The people of a spec (by its file name), read through the app's API with a signed-in request. */
export async function peopleOf(request: APIRequestContext, spec: string): Promise<People> {
  const mine = slice(await wholeTenant(request), spec);
  return new People(spec, mine, await blockedAmong(request, mine));
}

function slice(tenant: UserDto[], spec: string): UserDto[] {
  const domain = RESERVED_DOMAINS[spec];
  if (domain) return tenant.filter((user) => user.email?.endsWith(`@${domain}`));
  const reserved = Object.values(RESERVED_DOMAINS).map((reservedDomain) => `@${reservedDomain}`);
  const rest = tenant.filter((user) => !reserved.some((suffix) => user.email?.endsWith(suffix)));
  let start = 0;
  for (const [name, size] of POOL_SIZES) {
    if (name === spec) return rest.slice(start, start + size);
    start += size;
  }
  throw new Error(`${spec} has no people of its own: add it to POOL_SIZES in e2e/support/people.ts`);
}

/** Who of them holds blocking work now: one batched impact check for the whole slice. */
export async function blockedAmong(request: APIRequestContext, people: UserDto[]): Promise<Set<string>> {
  const active = people.filter((user) => user.isActive).map((user) => user.id);
  if (active.length === 0) return new Set();
  const response = await request.post("/api/users/impact", { data: { userIds: active } });
  expect(response.ok(), "the impact check of the spec's people").toBe(true);
  const counts = ((await response.json()) as { people: Record<string, ImpactCounts> }).people;
  return new Set(Object.entries(counts).flatMap(([id, entry]) => (blockingOf(entry).length > 0 ? [id] : [])));
}

/** The search that narrows the users page to a spec's reserved domain. */
export function reservedSearch(spec: string): string {
  const domain = RESERVED_DOMAINS[spec];
  if (!domain) throw new Error(`${spec} has no reserved domain in e2e/support/people.ts`);
  return `@${domain}`;
}
