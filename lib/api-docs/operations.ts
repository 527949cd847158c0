import { z } from "zod";
import { auditFilterSchema, auditFormatQuerySchema, auditListQuerySchema } from "@/lib/audit/filters";
import { endSessionsBodySchema } from "@/lib/auth/accounts";
import { connectInputSchema } from "@/lib/connection/connect-input";
import { localeBodySchema } from "@/lib/i18n/locale-body";
import { createJobBodySchema, emptyBodySchema, jobListQuerySchema, jobParamsSchema, jobQuerySchema, undoJobBodySchema } from "@/lib/jobs/schemas";
import { userCountsQuerySchema, userListQuerySchema, userParamsSchema } from "@/lib/offboarding/list-users";
import { matchBodySchema } from "@/lib/offboarding/match-leavers";
import { resolveSelectionSchema } from "@/lib/offboarding/resolve-selection";
import { impactManyBodySchema } from "@/lib/offboarding/impact/schemas";
import { statusChangeBodySchemas } from "@/lib/offboarding/status-change-schemas";
import { accountUpdateSchema, inviteSchema } from "@/lib/admin/accounts";
import { addProtectedSchema, removeProtectedSchema } from "@/lib/admin/protected-people";
import { usersColumnsBodySchema } from "@/lib/auth/preferences";
import { jobResultsQuerySchema } from "@/lib/jobs/results-csv";
import { usersExportQuerySchema } from "@/lib/user-index/export";
import { createTokenSchema, revokeTokenSchema } from "@/lib/api-tokens/schemas";
import { idempotencyKeySchema, leaversBodySchema } from "@/lib/leavers/schemas";
import { createReassignmentBodySchema, reassignmentParamsSchema } from "@/lib/reassign/schemas";
import { createSchedulesBodySchema, editScheduleBodySchema, emptyBodySchema as emptyScheduleBodySchema, scheduleListQuerySchema, scheduleParamsSchema } from "@/lib/schedule/schemas";
import type { ApiOperation } from "./operation";

/**
 * Every route and method of the JSON API (README "JSON API" has the conventions: sessions, the
 * Origin check, the error contract). Schemas are the handlers' own; answers name their DTOs
 * (lib/*\/dto.ts).
 */
const nextAuthParams = z.object({ nextauth: z.string().describe("next-auth's own path: csrf, session, signin/…, callback/…, signout, providers") });

export const API_OPERATIONS: readonly ApiOperation[] = [
  { method: "GET", path: "/api/health", summary: "Liveness: answers without calling Workfront or checking a session.", permission: null, responses: { 200: "{status: \"ok\"}" } },
  {
    method: "GET",
    path: "/api/auth/{nextauth}",
    summary: "next-auth: the CSRF token, the session, the providers and the OpenID Connect callback.",
    permission: null,
    params: nextAuthParams,
    responses: { 200: "next-auth's answer", 302: "a redirect of the sign-in flow" },
  },
  {
    method: "POST",
    path: "/api/auth/{nextauth}",
    summary: "next-auth: sign in with e-mail and password (callback/credentials, form-encoded with the CSRF token), sign out.",
    permission: null,
    params: nextAuthParams,
    responses: { 200: "next-auth's answer", 302: "a redirect of the sign-in flow" },
  },
  {
    method: "GET",
    path: "/api/users",
    summary: "Users, a page at a time, from the local index (Workfront itself until the index is built), with search, filters and sort.",
    permission: "viewUsers",
    query: [userListQuerySchema],
    responses: { 200: "UserListDto", 503: "index_not_ready: filters before the index is built" },
  },
  { method: "GET", path: "/api/users/counts", summary: "Active and deactivated users matching the search, for the tabs.", permission: "viewUsers", query: [userCountsQuerySchema], responses: { 200: "UserCountsDto" } },
  { method: "GET", path: "/api/users/{id}", summary: "One user as Workfront has them now, with protection and deactivation record.", permission: "viewUsers", params: userParamsSchema, responses: { 200: "UserDto", 404: "not_found" } },
  {
    method: "POST",
    path: "/api/users/{id}/deactivate",
    summary: "Deactivate one person: re-read in Workfront, refused if protected or holding blocking open work, audited.",
    description:
      "Their open work is checked first (the impact check, kept with the audit row as evidence). Approvals awaiting them, or an approval stage where they are the only approver (or either category unreadable on this tenant), answer 409 open_work_blocking with error.details.people: [{userId, name, blocking: [{key, count}]}] (count null: unknown), unless an admin sends overrideOpenWork: {reason} (403 for other roles).",
    permission: "deactivate",
    params: userParamsSchema,
    body: statusChangeBodySchemas.deactivate,
    responses: { 200: "{user: UserDto} with isActive false", 409: "protected_account, open_work_blocking, person_busy", 403: "admin_target; overrideOpenWork by a role below admin" },
  },
  {
    method: "POST",
    path: "/api/users/{id}/reactivate",
    summary: "Reactivate one person, giving back the access level saved at deactivation; audited.",
    permission: "reactivate",
    params: userParamsSchema,
    body: statusChangeBodySchemas.reactivate,
    responses: { 200: "{user: UserDto} with isActive true", 409: "person_busy" },
  },
  {
    method: "POST",
    path: "/api/users/match",
    summary: "Match a leavers list (pasted lines or a CSV) against Workfront: each line's person or why none.",
    permission: "runBulkJobs",
    body: matchBodySchema,
    responses: { 200: "MatchReportDto" },
  },
  {
    method: "POST",
    path: "/api/users/resolve",
    summary: "Everyone the users page's filter matches (for 'select all matching'), up to 10,000.",
    permission: "runBulkJobs",
    body: resolveSelectionSchema,
    responses: { 200: "ResolvedSelectionDto" },
  },
  { method: "POST", path: "/api/users/index/refresh", summary: "Ask Workfront now who changed, and update the users index.", permission: "viewUsers", responses: { 200: "{refreshedAt, written}" } },
  { method: "GET", path: "/api/jobs", summary: "Bulk jobs, newest first.", permission: "viewAudit", query: [jobListQuerySchema], responses: { 200: "JobListDto" } },
  {
    method: "POST",
    path: "/api/jobs",
    summary: "Start a bulk deactivation or reactivation, or preview it with dryRun: true (nothing stored).",
    description:
      "Above BULK_CONFIRM_THRESHOLD people the body must state confirmCount; above BULK_HARD_CAP only admins may run it. A deactivation checks everyone's open work first (batched reports): anyone holding blocking work (approvals awaiting them, a stage where they are the only approver, or either unreadable) makes it 409 open_work_blocking with error.details.people, and no job is made, unless an admin sends overrideOpenWork: {reason} (403 for other roles); each person's counts go into their audit row. The dry run lists each person's open work, and successorInJob: {message, pairs} when the run would be refused as successor_in_job. Someone in the job who holds work a reassignment handed them from another person in the same job (still being handed over, or naming them in Workfront now) makes it 409 successor_in_job with error.details.pairs: [{successorId, successorName, leaverId, leaverName, objects}]; no override: hand that work on, or leave them out.",
    permission: "runBulkJobs",
    body: createJobBodySchema,
    responses: { 201: "JobDetailDto", 200: "DryRunDto (dryRun: true)", 409: "open_work_blocking, successor_in_job", 403: "overrideOpenWork by a role below admin" },
  },
  { method: "GET", path: "/api/jobs/{id}", summary: "One job: its progress and a page of its people.", permission: "viewAudit", params: jobParamsSchema, query: [jobQuerySchema], responses: { 200: "JobDetailDto", 404: "not_found" } },
  { method: "POST", path: "/api/jobs/{id}/cancel", summary: "Cancel a job: nobody new starts; finished people stay.", permission: "runBulkJobs", params: jobParamsSchema, body: emptyBodySchema, responses: { 200: "JobDetailDto" } },
  { method: "POST", path: "/api/jobs/{id}/resume", summary: "Resume a paused job once the Workfront credential works again.", permission: "runBulkJobs", params: jobParamsSchema, body: emptyBodySchema, responses: { 200: "JobDetailDto" } },
  { method: "POST", path: "/api/jobs/{id}/retry", summary: "Send a finished job's failed people round again.", permission: "runBulkJobs", params: jobParamsSchema, body: emptyBodySchema, responses: { 200: "JobDetailDto" } },
  { method: "POST", path: "/api/jobs/{id}/undo", summary: "A new job that reverses a finished one for the people it changed.", permission: "runBulkJobs", params: jobParamsSchema, body: undoJobBodySchema, responses: { 201: "JobDetailDto of the new job" } },
  {
    method: "GET",
    path: "/api/audit",
    summary: "The audit log, filtered; with format=csv the whole filtered log as a streamed CSV.",
    permission: "viewAudit",
    query: [auditListQuerySchema, auditFilterSchema, auditFormatQuerySchema],
    responses: { 200: "AuditPageDto, or text/csv with format=csv" },
  },
  { method: "POST", path: "/api/preferences/locale", summary: "The language switch: a cookie, and the account's choice when signed in.", permission: null, body: localeBodySchema, responses: { 200: "{locale}" } },
  { method: "POST", path: "/api/sessions/end", summary: "Sign an account out everywhere (the caller's own without an e-mail).", permission: "manageAccounts", body: endSessionsBodySchema, responses: { 200: "{email}", 404: "account_not_found" } },
  { method: "GET", path: "/api/settings/workfront", summary: "The Workfront connection's status (never a credential; at most its last four characters).", permission: "manageSettings", responses: { 200: "ConnectionStatusDto" } },
  { method: "POST", path: "/api/settings/workfront", summary: "Connect Workfront: OAuth2 server-to-server, a pasted API key, or username and password.", permission: "manageSettings", body: connectInputSchema, responses: { 200: "ConnectionStatusDto" } },
  { method: "DELETE", path: "/api/settings/workfront", summary: "Disconnect: clears the API key in Workfront first, then forgets it.", permission: "manageSettings", responses: { 200: "{result: DisconnectResultDto, status}" } },
  { method: "GET", path: "/api/openapi.json", summary: "This description of the API (OpenAPI 3.1).", permission: "viewUsers", responses: { 200: "the OpenAPI document" } },
  { method: "GET", path: "/api/users/{id}/impact", summary: "What the person still holds in Workfront, by category, with links; what blocks deactivation.", permission: "viewUsers", params: userParamsSchema, responses: { 200: "{impact: PersonImpactDto}", 404: "not_found" } },
  { method: "POST", path: "/api/users/impact", summary: "Many people's work counted by category (grouped reports), for a dry run or an import preview.", permission: "viewUsers", body: impactManyBodySchema, responses: { 200: "{people: {<id>: ImpactCounts}}" } },
  {
    method: "POST",
    path: "/api/reassignments",
    summary: "Hand leavers' work to a successor (default: their manager); runs in the background, one audit row per change.",
    permission: "deactivate",
    body: createReassignmentBodySchema,
    responses: { 202: "{reassignment: ReassignmentSummary}", 404: "leaver_unknown", 422: "successor_unknown, successor_inactive, successor_is_leaver (also a successor in an unfinished deactivation job or with an open scheduled deactivation; error.details names the job or schedule), successor_missing" },
  },
  { method: "GET", path: "/api/reassignments/{id}", summary: "A reassignment's status and its changes by state.", permission: "viewAudit", params: reassignmentParamsSchema, responses: { 200: "{reassignment: ReassignmentSummary}", 404: "not_found" } },
  // Issue 17: scheduled deactivations.
  { method: "GET", path: "/api/schedules", summary: "Scheduled deactivations, soonest first, by due-date range and state, with the overdue count and the database's clock.", permission: "viewUsers", query: [scheduleListQuerySchema], responses: { 200: "ScheduleListDto" } },
  {
    method: "POST",
    path: "/api/schedules",
    summary: "Schedule one person or many: a day (end of that day in APP_TIME_ZONE) and maybe a time, or an exact instant; each person read from Workfront first; audited.",
    description:
      "At the time, the schedules due together run as one batch (bulk edits under the client's cap); each person's protections and open work are checked again then. policy decides blocking open work: hold (nothing changed, schedule_held, HR told) or deactivate_anyway, which overrides it only for a schedule an admin made (as overrideOpenWork does); an operator's is then refused (open_work_blocking, schedule_failed). The read-back isActive:false is recorded as schedule_ran.",
    permission: "deactivate",
    body: createSchedulesBodySchema,
    responses: { 201: "{schedules: ScheduleDto[]}", 403: "over_hard_cap", 404: "not_found", 409: "already_scheduled", 422: "due_in_past, already_inactive" },
  },
  { method: "GET", path: "/api/schedules/{id}", summary: "One scheduled deactivation.", permission: "viewUsers", params: scheduleParamsSchema, responses: { 200: "{schedule: ScheduleDto}", 404: "schedule_not_found" } },
  { method: "PATCH", path: "/api/schedules/{id}", summary: "Change a schedule's time, policy, reason or ticket until it starts; audited.", permission: "deactivate", params: scheduleParamsSchema, body: editScheduleBodySchema, responses: { 200: "{schedule: ScheduleDto}", 404: "schedule_not_found", 409: "schedule_started", 422: "due_in_past" } },
  { method: "POST", path: "/api/schedules/{id}/cancel", summary: "Cancel a schedule until it starts; audited.", permission: "deactivate", params: scheduleParamsSchema, body: emptyScheduleBodySchema, responses: { 200: "{schedule: ScheduleDto}", 404: "schedule_not_found", 409: "schedule_started" } },
  { method: "POST", path: "/api/settings/workfront/test", summary: "Test the stored connection now.", permission: "manageSettings", responses: { 200: "{test: TestResultDto, status}" } },
  // Issue 15: the users page's tools, reports for HR, administration in the app.
  { method: "GET", path: "/api/users/facets", summary: "The values the users page's filters offer, each with how many people have it, from the index.", permission: "viewUsers", responses: { 200: "{license, accessLevel, group, company, manager: {value, label, count}[]}", 503: "index_not_ready" } },
  {
    method: "GET",
    path: "/api/users/export",
    summary: "Everyone the users page's filters match, as a streamed CSV in the audit CSV's conventions.",
    permission: "viewUsers",
    query: [usersExportQuerySchema],
    responses: { 200: "text/csv", 422: "export_too_large", 503: "index_not_ready" },
  },
  { method: "PUT", path: "/api/preferences/users-columns", summary: "The users table's optional columns this account shows.", permission: "viewUsers", body: usersColumnsBodySchema, responses: { 200: "{columns}" } },
  {
    method: "GET",
    path: "/api/jobs/{id}/results",
    summary: "A job's results for HR as CSV: one line per person, with the job's reason, ticket and source file.",
    permission: "exportAudit",
    params: jobParamsSchema,
    query: [jobResultsQuerySchema],
    responses: { 200: "text/csv", 404: "not_found" },
  },
  { method: "GET", path: "/api/admin/accounts", summary: "The dashboard's accounts (never a password hash).", permission: "manageAccounts", responses: { 200: "{accounts: AccountDto[]}" } },
  { method: "POST", path: "/api/admin/accounts", summary: "Invite someone: a new account with a generated password, answered once; in the admin log.", permission: "manageAccounts", body: inviteSchema, responses: { 201: "{email, password}", 409: "email_taken" } },
  {
    method: "POST",
    path: "/api/admin/accounts/update",
    summary: "Change another account's role or status; every session of it ends at once; in the admin log.",
    permission: "manageAccounts",
    body: accountUpdateSchema,
    responses: { 200: "{email}", 404: "account_not_found", 409: "own_account" },
  },
  { method: "GET", path: "/api/admin/protected", summary: "The protected list: PROTECTED_USERS (locked) and the people admins added.", permission: "manageAccounts", responses: { 200: "{locked: string[], people: ProtectedPersonDto[]}" } },
  {
    method: "POST",
    path: "/api/admin/protected",
    summary: "Protect a Workfront person (by ID or e-mail, read from Workfront first) with a reason; in the admin log.",
    permission: "manageAccounts",
    body: addProtectedSchema,
    responses: { 201: "ProtectedPersonDto", 409: "already_protected", 422: "person_not_found, person_ambiguous" },
  },
  {
    method: "POST",
    path: "/api/admin/protected/remove",
    summary: "Take a person off the protected list kept in the app, with a reason; in the admin log.",
    permission: "manageAccounts",
    body: removeProtectedSchema,
    responses: { 200: "{workfrontId}", 404: "not_found" },
  },
  // Issue 18: API tokens for scripts and HR feeds.
  { method: "GET", path: "/api/admin/tokens", summary: "API tokens with their role, creator, expiry and last use (never the tokens).", permission: "manageTokens", responses: { 200: "{tokens: ApiTokenDto[]}" } },
  {
    method: "POST",
    path: "/api/admin/tokens",
    summary: "Create an API token (viewer or operator; 90 days unless said, at most 365): answered once, stored only as a hash; in the admin log.",
    permission: "manageTokens",
    body: createTokenSchema,
    responses: { 201: "CreatedApiTokenDto: ApiTokenDto and token (wfo_…), shown this once" },
  },
  {
    method: "POST",
    path: "/api/leavers",
    summary: "The leavers feed: people matched like an import, one deactivation job for those to go now (the blocked answered per person); idempotent by key.",
    description:
      "For HR systems and scripts (an operator API token, or a session). Each person is named by exactly one of email, username or " +
      "workfrontId, with an optional lastDay (YYYY-MM-DD in APP_TIME_ZONE): a person whose last day is today or later is not " +
      "deactivated now but scheduled for the end of that day (answered scheduled, with the schedule; already_scheduled when an open " +
      "schedule exists, which is kept). The job follows " +
      "POST /api/jobs's rules and checks, but one person's refusal does not refuse the others: whoever POST /api/jobs would refuse " +
      "is left out of the job, nothing is written for them, and they are answered blocked_open_work (code open_work_blocking; " +
      "blocking: [{key, count}], count null: unknown) when approvals await them or they are the only approver of a stage, or " +
      "blocked_successor_in_job (code successor_in_job; holdsWorkOf: [{leaverId, leaverName, objects}]) when they hold work a " +
      "reassignment handed them from another person this job deactivates (that person goes). Only an admin may send " +
      "overrideOpenWork: {reason} to let the blocked in (403 otherwise, so never with a token); each person's open work goes into their " +
      "audit row. When Workfront cannot be asked, the check is deferred to the worker, which refuses the blocked per item. " +
      "Above BULK_CONFIRM_THRESHOLD people in the job (after the checks) the body must state that count as confirmCount; above BULK_HARD_CAP only admins. " +
      "The Idempotency-Key header is required: the same key and body again return the stored answer (Idempotent-Replayed: true) and " +
      "create nothing; the same key with another body is 422 idempotency_key_reused; a refused request gives its key back.",
    permission: "runBulkJobs",
    headers: z.object({ "Idempotency-Key": idempotencyKeySchema }),
    body: leaversBodySchema,
    responses: {
      201:
        "LeaversAnswerDto {counts: {state: n}, people: LeaverOutcomeDto[], job: JobDto} (Location: /api/jobs/{id}); LeaverOutcomeDto " +
        "{index, state (a match state, scheduled, already_scheduled, blocked_open_work, blocked_successor_in_job), code, reason, duplicateOf, " +
        "user, candidates, lastDay, schedule, blocking, holdsWorkOf}",
      200: "LeaversAnswerDto with job null: nobody to deactivate now (nobody matched to go today, or everyone blocked)",
      403: "overrideOpenWork by a role below admin",
      409: "idempotency_in_progress: the first request with this key is still being answered",
      422: "idempotency_key_reused",
    },
  },
  { method: "POST", path: "/api/admin/tokens/revoke", summary: "Revoke an API token at once (its next request gets 401); in the admin log.", permission: "manageTokens", body: revokeTokenSchema, responses: { 200: "ApiTokenDto with revokedAt", 404: "token_not_found" } },
];
