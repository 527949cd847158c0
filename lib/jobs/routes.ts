import "server-only";
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import type { JobDetailDto } from "./dto";
import { getJobDetail } from "./queries";
import { type JobQuery, jobParamsSchema } from "./schemas";

/** Shared by the /api/jobs route handlers: the job's ID from the path, and the answer they give. */
export async function jobIdFrom(context: { params: Promise<{ id: string }> }): Promise<string> {
  return jobParamsSchema.parse(await context.params).id;
}

const firstPage: JobQuery = { page: 1, pageSize: 50 };

export async function jobResponse(id: string, init: { status?: number; query?: JobQuery } = {}): Promise<Response> {
  const detail: JobDetailDto | undefined = await getJobDetail(await getDb(), id, init.query ?? firstPage);
  if (!detail) throw new ApiError(404, "job_not_found", "There is no such job.");
  return NextResponse.json(detail, {
    status: init.status ?? 200,
    headers: { "cache-control": "no-store", ...(init.status === 201 ? { location: `/api/jobs/${id}` } : {}) },
  });
}
