import { createRng, type Rng } from "../core/rng";
import { DAY_MS } from "../core/wf-date";
import type { Row, UserRecord, WorkObjCode } from "../model/types";

/**
 * The work a tenant's people hold: projects with tasks and their assignments (primary and
 * secondary assignees), issues (some closed with the custom "Resolved" status, which equates with
 * Closed), templates, approval-process stages with their approvers and approvals awaiting them,
 * timesheets and timesheet profiles with approvers, teams, reports run as someone, checked-out
 * documents and resource managers. Drawn from its own RNG, so the users stay exactly as they were.
 *
 * Issue statuses and what closes one: `issue-statuses.md` (Closed, and the custom statuses that
 * equate with it, such as Resolved, set the Actual Completion Date). Task and project completeness
 * is `percentComplete` (100 when complete).
 */
export type WorkData = Record<WorkObjCode, Row[]>;

/** Work is seeded for at most this many people's worth, so a 100,000-user tenant stays light. */
const WORK_SCALE_CAP = 20_000;

const PROJECT_WORDS = [
  "Website",
  "Launch",
  "Audit",
  "Migration",
  "Campaign",
  "Onboarding",
  "Rebrand",
  "Roadmap",
  "Catalogue",
  "Portal",
];
const TASK_WORDS = [
  "Draft",
  "Review",
  "Design",
  "Build",
  "Test",
  "Approve",
  "Publish",
  "Plan",
  "Brief",
  "Translate",
];
const OPEN_ISSUE = ["NEW", "INP", "ONH", "RPN"];
const CLOSED_ISSUE = ["CLS", "RSV"];

export function generateWork(seed: number, anchor: number, users: readonly UserRecord[]): WorkData {
  const rng = createRng((seed ^ 0x00f0b0a7) >>> 0);
  const work: WorkData = {
    PROJ: [],
    TASK: [],
    OPTASK: [],
    ASSGN: [],
    TMPL: [],
    AWAPVL: [],
    SPAPVR: [],
    TSHET: [],
    TSPRO: [],
    TEAMOB: [],
    PTLSEC: [],
    DOCU: [],
    RESMGR: [],
  };
  // People 0 and 1 are the main admin and the integration user: they hold no seeded work.
  const people = users.slice(2);
  if (people.length === 0) return work;
  const scale = Math.min(people.length, WORK_SCALE_CAP);
  const person = (): string => rng.pick(people).ID;
  const maybePerson = (p: number): string | null => (rng.chance(p) ? person() : null);
  const day = (back: number): number => anchor - back * DAY_MS;
  const stamp = { lastUpdateDate: day(5), lastUpdatedByID: users[0]?.ID ?? null };

  for (let p = 0; p < Math.ceil(scale / 8); p++) {
    const complete = rng.chance(0.2);
    const project: Row = {
      ID: rng.hexId(),
      objCode: "PROJ",
      name: `${rng.pick(PROJECT_WORDS)} ${p + 1}`,
      ownerID: person(),
      sponsorID: maybePerson(0.5),
      status: complete ? "CPL" : rng.pick(["CUR", "CUR", "CUR", "PLN", "ONH"]),
      percentComplete: complete ? 100 : rng.between(0, 95),
      entryDate: day(rng.between(30, 700)),
      ...stamp,
    };
    work.PROJ.push(project);
    if (rng.chance(0.3)) {
      work.RESMGR.push({
        ID: rng.hexId(),
        objCode: "RESMGR",
        resourceManagerID: person(),
        projectID: String(project.ID),
        templateID: null,
      });
    }
    const taskCount = rng.between(3, 8);
    for (let t = 0; t < taskCount; t++) seedTask(rng, work, project, complete, t, person, stamp, day);
  }

  for (let i = 0; i < Math.ceil(scale / 10); i++) {
    const closed = rng.chance(0.35);
    const project = rng.pick(work.PROJ);
    const assignee = maybePerson(0.8);
    const issue: Row = {
      ID: rng.hexId(),
      objCode: "OPTASK",
      name: `Issue ${i + 1}: ${rng.pick(TASK_WORDS)} ${rng.pick(PROJECT_WORDS)}`,
      ownerID: person(),
      assignedToID: assignee,
      projectID: String(project.ID),
      status: closed ? rng.pick(CLOSED_ISSUE) : rng.pick(OPEN_ISSUE),
      actualCompletionDate: closed ? day(rng.between(1, 60)) : null,
      entryDate: day(rng.between(61, 400)),
      ...stamp,
    };
    work.OPTASK.push(issue);
    if (assignee) {
      work.ASSGN.push({
        ID: rng.hexId(),
        objCode: "ASSGN",
        assignedToID: assignee,
        assignedByID: issue.ownerID ?? null,
        isPrimary: true,
        taskID: null,
        opTaskID: String(issue.ID),
        projectID: String(project.ID),
        status: "ACP",
        assignmentPercent: 100,
        ...stamp,
      });
    }
  }

  for (let i = 0; i < Math.ceil(scale / 60); i++) {
    work.TMPL.push({
      ID: rng.hexId(),
      objCode: "TMPL",
      name: `${rng.pick(PROJECT_WORDS)} template ${i + 1}`,
      ownerID: person(),
      sponsorID: maybePerson(0.3),
      entryDate: day(rng.between(100, 2000)),
      ...stamp,
    });
  }

  // Approval stages: most have two approvers, some one (a sole approver). An approval in progress
  // on a project is awaited from each of its stage's approvers.
  for (let s = 0; s < Math.ceil(scale / 25); s++) {
    const stepID = rng.hexId();
    const approvers = rng.chance(0.4) ? [person()] : [person(), person()];
    for (const userID of new Set(approvers)) {
      work.SPAPVR.push({
        ID: rng.hexId(),
        objCode: "SPAPVR",
        approvalStepID: stepID,
        userID,
        teamID: null,
        roleID: null,
      });
    }
    if (rng.chance(0.5)) {
      const project = rng.pick(work.PROJ);
      for (const approverID of new Set(approvers)) {
        work.AWAPVL.push({
          ID: rng.hexId(),
          objCode: "AWAPVL",
          approverID,
          projectID: String(project.ID),
          taskID: null,
          opTaskID: null,
          documentID: null,
          entryDate: day(rng.between(1, 20)),
        });
      }
    }
  }

  for (let i = 0; i < Math.ceil(scale / 200) + 1; i++) {
    work.TSPRO.push({
      ID: rng.hexId(),
      objCode: "TSPRO",
      name: `Timesheet profile ${i + 1}`,
      approverID: person(),
      entryDate: day(900),
      ...stamp,
    });
  }
  for (let i = 0; i < Math.ceil(scale / 4); i++) {
    const owner = rng.pick(people);
    const start = day(7 * rng.between(1, 8));
    work.TSHET.push({
      ID: rng.hexId(),
      objCode: "TSHET",
      displayName: `${owner.name} timesheet`,
      userID: owner.ID,
      approverID: owner.managerID ?? person(),
      status: rng.pick(["O", "S", "C"]),
      startDate: start,
      endDate: start + 6 * DAY_MS,
      ...stamp,
    });
  }
  for (let i = 0; i < Math.ceil(scale / 30); i++) {
    work.TEAMOB.push({
      ID: rng.hexId(),
      objCode: "TEAMOB",
      name: `Team ${i + 1}`,
      ownerID: person(),
      entryDate: day(rng.between(50, 1500)),
      ...stamp,
    });
  }
  for (let i = 0; i < Math.ceil(scale / 10); i++) {
    work.PTLSEC.push({
      ID: rng.hexId(),
      objCode: "PTLSEC",
      name: `${rng.pick(PROJECT_WORDS)} report ${i + 1}`,
      runAsUserID: maybePerson(0.2),
      ...stamp,
    });
  }
  for (let i = 0; i < Math.ceil(scale / 5); i++) {
    const project = rng.pick(work.PROJ);
    work.DOCU.push({
      ID: rng.hexId(),
      objCode: "DOCU",
      name: `${rng.pick(TASK_WORDS)} ${i + 1}.pdf`,
      checkedOutByID: maybePerson(0.1),
      ownerID: person(),
      projectID: String(project.ID),
      ...stamp,
    });
  }
  return work;
}

function seedTask(
  rng: Rng,
  work: WorkData,
  project: Row,
  projectComplete: boolean,
  t: number,
  person: () => string,
  stamp: Row,
  day: (back: number) => number,
): void {
  const done = projectComplete || rng.chance(0.3);
  const percent = done ? 100 : rng.between(0, 90);
  const assignees = [...new Set(Array.from({ length: rng.between(0, 3) }, person))];
  const task: Row = {
    ID: rng.hexId(),
    objCode: "TASK",
    name: `${rng.pick(TASK_WORDS)} ${String(project.name)} #${t + 1}`,
    assignedToID: assignees[0] ?? null,
    projectID: String(project.ID),
    status: done ? "CPL" : percent > 0 ? "INP" : "NEW",
    percentComplete: percent,
    actualCompletionDate: done ? day(rng.between(1, 90)) : null,
    entryDate: day(rng.between(91, 700)),
    ...stamp,
  };
  work.TASK.push(task);
  assignees.forEach((assignedToID, k) => {
    work.ASSGN.push({
      ID: rng.hexId(),
      objCode: "ASSGN",
      assignedToID,
      assignedByID: project.ownerID ?? null,
      isPrimary: k === 0,
      taskID: String(task.ID),
      opTaskID: null,
      projectID: String(project.ID),
      status: "ACP",
      assignmentPercent: 100,
      ...stamp,
    });
  });
}
