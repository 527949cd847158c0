import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { auditFilterSchema, auditListQuerySchema, auditWhere } from "./filters";

/** The audit filters on their own: what the schemas accept, and the SQL condition they become. */
const dialect = new PgDialect();
const where = (input: Record<string, unknown>) => {
  const condition = auditWhere(auditFilterSchema.parse(input));
  if (!condition) return undefined;
  const { sql, params } = dialect.sqlToQuery(condition);
  return { sql, params };
};

describe("the audit filter schema", () => {
  it("trims searches and drops empty ones", () => {
    expect(auditFilterSchema.parse({ actor: "  ops@acme.example ", target: "   " })).toEqual({ actor: "ops@acme.example" });
    expect(auditFilterSchema.parse({})).toEqual({});
  });

  it("refuses a search longer than an e-mail can be", () => {
    expect(auditFilterSchema.safeParse({ actor: "a".repeat(254) }).success).toBe(true);
    expect(auditFilterSchema.safeParse({ actor: "a".repeat(255) }).success).toBe(false);
  });

  it("reads a date as a whole UTC day: from its first millisecond, to its last", () => {
    const parsed = auditFilterSchema.parse({ from: "2030-05-02", to: "2030-05-03" });
    expect(parsed.from?.toISOString()).toBe("2030-05-02T00:00:00.000Z");
    expect(parsed.to?.toISOString()).toBe("2030-05-03T23:59:59.999Z");
  });

  it("reads a date-time with an offset as that moment, on either edge", () => {
    const parsed = auditFilterSchema.parse({ from: " 2030-05-02T10:00:00+02:00 ", to: "2030-05-02T12:30:00.250Z" });
    expect(parsed.from?.toISOString()).toBe("2030-05-02T08:00:00.000Z");
    expect(parsed.to?.toISOString()).toBe("2030-05-02T12:30:00.250Z");
    const moment = new Date("2030-01-01T00:00:00Z");
    expect(auditFilterSchema.parse({ from: moment }).from).toBe(moment);
  });

  it("reads a German date (the German UI's date fields) as the same day", () => {
    const german = auditFilterSchema.parse({ from: "02.05.2030", to: "2.5.2030" });
    const iso = auditFilterSchema.parse({ from: "2030-05-02", to: "2030-05-02" });
    expect([german.from?.toISOString(), german.to?.toISOString()]).toEqual([iso.from?.toISOString(), iso.to?.toISOString()]);
  });

  it("refuses other dates, a date-time without an offset, and from after to", () => {
    for (const from of ["yesterday", "2030-5-2", "2030-05-02T10:00:00", "31.02.2030", "05/02/2030"]) {
      const result = auditFilterSchema.safeParse({ from });
      expect(result.success, from).toBe(false);
      // A union's issue: the string branch's message is inside it.
      expect(JSON.stringify(result.error?.issues), from).toContain("expected a date (YYYY-MM-DD or DD.MM.YYYY) or an ISO date-time");
    }
    const reversed = auditFilterSchema.safeParse({ from: "2030-05-04", to: "2030-05-03" });
    expect(reversed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["from", "from must not be after to"]]);
    // The same day on both edges is a whole day, not a reversed range; the same moment is that moment.
    expect(auditFilterSchema.safeParse({ from: "2030-05-03", to: "2030-05-03" }).success).toBe(true);
    const moment = "2030-05-03T10:00:00.000Z";
    expect(auditFilterSchema.safeParse({ from: moment, to: moment }).success).toBe(true);
  });

  it("refuses unknown parameters and values", () => {
    expect(auditFilterSchema.safeParse({ actr: "x" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ action: "delete" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ outcome: "deleted" }).success).toBe(false);
    expect(auditFilterSchema.parse({ action: "reactivate", outcome: "refused" })).toEqual({ action: "reactivate", outcome: "refused" });
  });
});

describe("the audit list query", () => {
  it("pages with query-string numbers, 25 a page by default", () => {
    expect(auditListQuerySchema.parse({})).toMatchObject({ page: 1, pageSize: 25 });
    expect(auditListQuerySchema.parse({ page: "3", pageSize: "200" })).toMatchObject({ page: 3, pageSize: 200 });
    for (const pageSize of ["10", "30", "500", "25.5"]) {
      expect(auditListQuerySchema.safeParse({ pageSize }).success, pageSize).toBe(false);
    }
    expect(auditListQuerySchema.safeParse({ pageSize: "30" }).error?.issues[0]?.message).toBe("one of 25, 50, 100, 200");
    for (const page of ["0", "-1", "1.5", "100001"]) {
      expect(auditListQuerySchema.safeParse({ page }).success, page).toBe(false);
    }
    expect(auditListQuerySchema.parse({ page: "100000" }).page).toBe(100_000);
  });

  it("keeps the filters' rules: unknown parameters and reversed ranges are refused", () => {
    expect(auditListQuerySchema.safeParse({ sort: "x" }).success).toBe(false);
    expect(auditListQuerySchema.safeParse({ from: "2030-05-04", to: "2030-05-03" }).success).toBe(false);
  });
});

describe("auditWhere", () => {
  it("is no condition at all without filters", () => {
    expect(where({})).toBeUndefined();
  });

  it("searches the actor's e-mail for the text, with % and _ and \\ taken literally", () => {
    expect(where({ actor: "50%_off\\x" })).toEqual({
      sql: '"audit_events"."actor_email" ilike $1',
      params: ["%50\\%\\_off\\\\x%"],
    });
  });

  it("matches a Workfront ID exactly (lower-cased), and other text in the name or e-mail", () => {
    expect(where({ target: "ABCDEF0123456789ABCDEF0123456789" })).toEqual({
      sql: '"audit_events"."target_id" = $1',
      params: ["abcdef0123456789abcdef0123456789"],
    });
    expect(where({ target: "Ann" })).toEqual({
      sql: '("audit_events"."target_name" ilike $1 or "audit_events"."target_email" ilike $2)',
      params: ["%Ann%", "%Ann%"],
    });
    // 31 hex characters are not an ID.
    expect(where({ target: "abcdef0123456789abcdef012345678" })?.sql).toContain("ilike");
  });

  it("finds a job's rows by its ID, and the ticket and reason by part of their text", () => {
    const job = "0b6e2c9a-3f1d-4c8e-9a7b-5d2e1f0c4b3a";
    expect(where({ job })).toEqual({ sql: '"audit_events"."job_id" = $1', params: [job] });
    expect(where({ ticket: "HR-1" })).toEqual({ sql: '"audit_events"."ticket" ilike $1', params: ["%HR-1%"] });
    expect(where({ reason: "left_co" })).toEqual({ sql: '"audit_events"."reason" ilike $1', params: ["%left\\_co%"] });
    expect(auditFilterSchema.safeParse({ job: "not-a-job" }).success).toBe(false);
  });

  it("ands every filter given, with the range's end as the instant after `to`", () => {
    const query = where({ action: "deactivate", outcome: "failed", from: "2030-05-02", to: "2030-05-03" });
    expect(query?.sql).toBe(
      '("audit_events"."action" = $1 and "audit_events"."outcome" = $2 and "audit_events"."occurred_at" >= $3 and "audit_events"."occurred_at" < $4)',
    );
    expect(query?.params.slice(0, 2)).toEqual(["deactivate", "failed"]);
    expect(query?.params.slice(2).map((value) => new Date(value as string).toISOString())).toEqual([
      "2030-05-02T00:00:00.000Z",
      "2030-05-04T00:00:00.000Z",
    ]);
  });
});
