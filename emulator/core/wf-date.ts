/**
 * Workfront's wire date format: `2024-01-31T10:00:00:000-0700` — a colon before the milliseconds
 * and no colon in the offset (workfront-api.md §6.4). The emulated tenant lives in one fixed
 * zone without daylight saving so that output is stable whatever the host's zone is.
 */
export const TENANT_TIME_ZONE = "America/Phoenix";
export const TENANT_OFFSET_MINUTES = -7 * 60;
const OFFSET_MS = TENANT_OFFSET_MINUTES * 60_000;
export const DAY_MS = 86_400_000;

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => pad(i));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => pad(i, 3));
const OFFSET_TEXT = `${TENANT_OFFSET_MINUTES < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(TENANT_OFFSET_MINUTES) / 60))}${pad(Math.abs(TENANT_OFFSET_MINUTES) % 60)}`;
// "YYYY-MM-DD" per tenant day: a search answer formats ~10,000 dates, and most share days.
const dayPrefixes = new Map<number, string>();

export function formatWfDate(ms: number): string {
  const local = ms + OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    const d = new Date(day * DAY_MS);
    prefix = `${pad(d.getUTCFullYear(), 4)}-${TWO_DIGITS[d.getUTCMonth() + 1]}-${TWO_DIGITS[d.getUTCDate()]}`;
    if (dayPrefixes.size > 50_000) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  let rest = local - day * DAY_MS;
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  return `${prefix}T${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}:${THREE_DIGITS[millis]}${OFFSET_TEXT}`;
}

/** Days since the epoch in the tenant's zone: date equality in filters compares whole days. */
export function tenantDay(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS);
}

export function tenantMidnight(ms: number): number {
  return tenantDay(ms) * DAY_MS - OFFSET_MS;
}

const WF_FORMAT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}):(\d{3})([+-])(\d{2})(\d{2})$/;
const ISO_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const WILDCARD = /^\$\$(TODAY|NOW)((?:[+-]\d+[hdwmy])*)$/i;

/**
 * Reads a date from a filter or an update: Workfront's format, ISO-8601 (the docs filter with
 * `2020-05-13T18:18:37.255Z`), a bare date (tenant midnight), or `$$TODAY`/`$$NOW` with offsets
 * like `-7d`. Returns null when the text is none of those.
 */
export function parseWfDate(text: string, now: number = Date.now()): number | null {
  const value = text.trim();
  const wf = WF_FORMAT.exec(value);
  if (wf) return checked(Date.parse(`${wf[1]}.${wf[2]}${wf[3]}${wf[4]}:${wf[5]}`));
  if (DATE_ONLY.test(value)) return checked(Date.parse(`${value}T00:00:00.000Z`) - OFFSET_MS);
  if (ISO_FORMAT.test(value)) {
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(value);
    if (hasZone) return checked(Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")));
    // No zone: read it as tenant local time, like the Workfront UI does.
    return checked(Date.parse(`${value}Z`) - OFFSET_MS);
  }
  const wildcard = WILDCARD.exec(value);
  if (wildcard)
    return applyOffsets(
      wildcard[1]?.toUpperCase() === "TODAY" ? tenantMidnight(now) : now,
      wildcard[2] ?? "",
    );
  return null;
}

function checked(ms: number): number | null {
  return Number.isFinite(ms) ? ms : null;
}

function applyOffsets(base: number, offsets: string): number {
  let result = base;
  for (const match of offsets.matchAll(/([+-]\d+)([hdwmy])/g)) {
    const amount = Number(match[1]);
    const unit = match[2];
    if (unit === "h") result += amount * 3_600_000;
    else if (unit === "d") result += amount * DAY_MS;
    else if (unit === "w") result += amount * 7 * DAY_MS;
    else {
      // Months and years move the calendar, not a fixed number of milliseconds.
      const local = new Date(result + OFFSET_MS);
      if (unit === "m") local.setUTCMonth(local.getUTCMonth() + amount);
      else local.setUTCFullYear(local.getUTCFullYear() + amount);
      result = local.getTime() - OFFSET_MS;
    }
  }
  return result;
}
