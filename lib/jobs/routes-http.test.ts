import type { IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/lib/db";
import { createMigratedTestDatabase } from "@/lib/db/test-databases";
import { markPeer } from "@/lib/http/client-address";
import { ApiError } from "@/lib/http/errors";
import { insertJob } from "./create-job";
import { jobActor } from "./http";
import { jobIdFrom, jobResponse } from "./routes";

/**
 * What the /api/jobs route handlers share (lib/jobs/routes.ts, lib/jobs/http.ts): the job's ID from
 * the path, the job's answer (status, headers, first page), and the request's actor.
 */
const database = vi.hoisted(() => ({ handle: undefined as DatabaseHandle | undefined }));
vi.mock("@/lib/db/client", () => ({
  getDb: async () => database.handle!.db,
  getDbHandle: async () => database.handle!,
  closeDb: async () => undefined,
}));

const actor = { accountId: null, email: "operator@example.com", role: "operator" as const, requestId: "r", clientIp: null };
const targets = Array.from({ length: 30 }, (_, n) => ({ id: n.toString(16).padStart(32, "0") }));
let jobId: string;

beforeAll(async () => {
  database.handle = await createMigratedTestDatabase();
  jobId = await insertJob(database.handle.db, { kind: "deactivate", targets, reason: "Left", ticket: null, actor });
});
afterAll(async () => {
  await database.handle?.close();
});

describe("jobIdFrom", () => {
  it("answers the path's job ID, and refuses one that is not a UUID", async () => {
    expect(await jobIdFrom({ params: Promise.resolve({ id: jobId }) })).toBe(jobId);
    await expect(jobIdFrom({ params: Promise.resolve({ id: "not-a-job" }) })).rejects.toThrow();
  });
});

describe("jobResponse", () => {
  it("answers 200 with the job and the first page of 50 people, never cached, with no Location", async () => {
    const response = await jobResponse(jobId);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("location")).toBeNull();
    const body = (await response.json()) as { job: { id: string }; items: { rows: { userId?: string }[]; total: number; page: number; pageSize: number } };
    expect(body.job.id).toBe(jobId);
    expect([body.items.total, body.items.page, body.items.pageSize, body.items.rows.length]).toEqual([30, 1, 50, 30]);
  });

  it("answers the page asked for", async () => {
    const response = await jobResponse(jobId, { query: { page: 2, pageSize: 25 } });
    const body = (await response.json()) as { items: { rows: unknown[]; page: number; pageSize: number } };
    expect([body.items.page, body.items.pageSize, body.items.rows.length]).toEqual([2, 25, 5]);
  });

  it("answers 201 with the new job's Location when asked to", async () => {
    const response = await jobResponse(jobId, { status: 201 });
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe(`/api/jobs/${jobId}`);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers another status without a Location", async () => {
    const response = await jobResponse(jobId, { status: 202 });
    expect(response.status).toBe(202);
    expect(response.headers.get("location")).toBeNull();
  });

  it("throws 404 job_not_found for a job that does not exist", async () => {
    const error = await jobResponse("00000000-0000-4000-8000-000000000000").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect([(error as ApiError).status, (error as ApiError).code, (error as ApiError).message]).toEqual([
      404,
      "job_not_found",
      "There is no such job.",
    ]);
  });
});

describe("jobActor", () => {
  const user = { id: "33333333-3333-4333-8333-333333333333", email: "Ann@Example.com", name: "Ann", role: "admin" as const, locale: null };

  it("is the signed-in account, with a fresh request ID and the marked client address", () => {
    const raw: IncomingHttpHeaders = {};
    markPeer(raw, "10.0.0.9", 0);
    const headers = new Headers(Object.entries(raw).map(([name, value]): [string, string] => [name, String(value)]));
    const first = jobActor(user, new Request("http://localhost/api/jobs", { headers }));
    expect(first).toEqual({
      accountId: user.id,
      email: "Ann@Example.com",
      role: "admin",
      tokenId: null,
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      clientIp: "10.0.0.9",
    });
    const second = jobActor(user, new Request("http://localhost/api/jobs"));
    expect(second.requestId).not.toBe(first.requestId);
    expect(second.clientIp).toBeNull();
  });

  it("names the API token the request came with", () => {
    const token = { id: "44444444-4444-4444-8444-444444444444", name: "HR sync" };
    expect(jobActor({ ...user, token }, new Request("http://localhost/api/jobs")).tokenId).toBe(token.id);
  });
});
