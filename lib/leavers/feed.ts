import "server-only";
import type { Role } from "@/lib/auth/roles";
import type { Database } from "@/lib/db";
import type { BulkRules } from "@/lib/jobs/config";
import { assertRules, createJob } from "@/lib/jobs/actions";
import type { JobDto } from "@/lib/jobs/dto";
import type { JobActor } from "@/lib/jobs/events";
import { getJobDetail } from "@/lib/jobs/queries";
import type { TargetNames } from "@/lib/jobs/target-names";
import { type MatchDeps, type MatchLineDto, type MatchState, type MatchedUserDto, matchLeavers } from "@/lib/offboarding/match-leavers";
import { type FutureLeaver, type FutureLeaverOutcome, scheduleFutureLeavers } from "./future-leavers";
import type { BlockingEntry } from "@/lib/offboarding/impact/types";
import type { BlockedState, GatedFeedPlan } from "./feed-gate";
import { type IdempotentAnswer, completeKey } from "./idempotency";
import type { Leaver, LeaversBody } from "./schemas";

/**
 * The leavers feed: HR's list matched like an import (lib/offboarding/match-leavers.ts), one job
 * for the people to deactivate now (within the confirmation rules and checks of POST /api/jobs:
 * the blocked are left out and answered per person, `gateFeed`), and those whose last day is
 * still ahead scheduled for its end (`scheduleFutureLeavers`).
 */
export type LeaverState = MatchState | FutureLeaverOutcome["state"] | BlockedState;

export interface LeaverOutcomeDto {
  /** The person's place in `people` (0-based). */
  index: number;
  state: LeaverState;
  code: string | null;
  reason: string | null;
  /** duplicate: the earlier person (index) naming the same one. */
  duplicateOf: number | null;
  user: MatchedUserDto | null;
  candidates: MatchedUserDto[] | null;
  lastDay: string | null;
  /** scheduled / already_scheduled: the scheduled deactivation (lib/schedule) that will run. */
  schedule: { id: string; dueAt: string } | null;
  /** blocked_open_work: the blocking categories (count null: Workfront would not say), as open_work_blocking lists them. */
  blocking: BlockingEntry[] | null;
  /** blocked_successor_in_job: whose work (handed over by a reassignment) they hold, of people going in this job. */
  holdsWorkOf: { leaverId: string; leaverName: string | null; objects: number }[] | null;
}

export interface LeaversAnswerDto {
  counts: Record<LeaverState, number>;
  people: LeaverOutcomeDto[];
  /** The job deactivating the people answered `will_deactivate`; null when there is nobody to deactivate now. */
  job: JobDto | null;
}

/** A CSV with our own header, so no value can be taken for a header, and each person is one row. */
const COLUMN = "value";
const valueOf = (person: Leaver) => person.workfrontId ?? person.email ?? person.username!;
/** Person i is the CSV's row i + 2 (the header is line 1). */
const lineOf = (index: number) => index + 2;

/** A last day today or later has not ended: the person still works until its end. */
export const lastDayAhead = (lastDay: string | undefined, today: string) => lastDay !== undefined && lastDay >= today;

export interface FeedPlan {
  outcomes: LeaverOutcomeDto[];
  /** Whom to deactivate now, in the request's order. */
  now: string[];
  future: FutureLeaver[];
}

/** Matches the people and says what becomes of each; reads Workfront, writes nothing. */
export async function planFeed(deps: MatchDeps, body: LeaversBody, role: Role, today: string, signal?: AbortSignal): Promise<FeedPlan> {
  const csv = [COLUMN, ...body.people.map(valueOf)].join("\n");
  const report = await matchLeavers(deps, { csv, column: COLUMN }, role, signal);
  const byLine = new Map<number, MatchLineDto>(report.lines.map((line) => [line.line, line]));
  const plan: FeedPlan = { outcomes: [], now: [], future: [] };
  body.people.forEach((person, index) => {
    const line = byLine.get(lineOf(index));
    const outcome: LeaverOutcomeDto = {
      index,
      state: line?.state ?? "invalid",
      code: line?.code ?? null,
      reason: line?.reason ?? null,
      duplicateOf: line?.duplicateOf != null ? line.duplicateOf - 2 : null,
      user: line?.user ?? null,
      candidates: line?.candidates ?? null,
      lastDay: person.lastDay ?? null,
      schedule: null,
      blocking: null,
      holdsWorkOf: null,
    };
    plan.outcomes.push(outcome);
    if (outcome.state !== "will_deactivate" || !outcome.user) return;
    if (lastDayAhead(person.lastDay, today)) plan.future.push({ index, user: outcome.user, lastDay: person.lastDay! });
    else plan.now.push(outcome.user.id);
  });
  return plan;
}

export interface FeedRun {
  scope: string;
  key: string;
  body: LeaversBody;
  actor: JobActor;
  rules: BulkRules;
  names: TargetNames;
  /** APP_TIME_ZONE: a last day ends at its midnight there. */
  timeZone: string;
}

/**
 * Creates the job, hands over the people whose last day is ahead, and stores the answer with the
 * idempotency key, in one transaction. The plan has been through the gate (`gateFeed`): the job
 * holds only who passed it, with their evidence, and the blocked are answered as such; the stored
 * answer says so again for the same key. The rules are checked first, on the people the job will
 * hold (as the dashboard counts those going), so a refusal writes nothing.
 */
export async function runFeed(db: Database, plan: GatedFeedPlan, run: FeedRun): Promise<IdempotentAnswer> {
  if (plan.now.length > 0) assertRules(plan.now.length, run.actor, run.body.confirmCount, run.rules);
  return db.transaction(async (tx) => {
    const jobId =
      plan.now.length > 0
        ? await createJob(
            tx,
            { kind: "deactivate", userIds: plan.now, reason: run.body.reason, ticket: run.body.ticket, confirmCount: run.body.confirmCount, sourceName: "POST /api/leavers", overrideOpenWork: run.body.overrideOpenWork },
            run.actor,
            run.rules,
            run.names,
            plan.gate,
          )
        : null;
    const scheduled = await scheduleFutureLeavers(plan.future, { tx, actor: run.actor, reason: run.body.reason, ticket: run.body.ticket || null, timeZone: run.timeZone });
    const people = plan.outcomes.map((outcome) => {
      const future = scheduled.find((entry) => entry.index === outcome.index);
      return future ? { ...outcome, state: future.state, code: future.code, reason: future.reason, schedule: future.schedule } : outcome;
    });
    const counts = {} as Record<LeaverState, number>;
    for (const person of people) counts[person.state] = (counts[person.state] ?? 0) + 1;
    const job = jobId ? ((await getJobDetail(tx, jobId, { page: 1, pageSize: 25 }))?.job ?? null) : null;
    const answer: IdempotentAnswer = { status: jobId ? 201 : 200, body: { counts, people, job } satisfies LeaversAnswerDto, jobId };
    await completeKey(tx, run.scope, run.key, answer);
    return answer;
  });
}
