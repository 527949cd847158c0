import { readFileSync, readdirSync } from "node:fs";

/** Memory of a process and everything it started, read from /proc (Linux). */
export interface TreeMemory {
  processes: number;
  /** Sum of each process's resident set: shared pages (libraries, PostgreSQL's buffers) counted in each. */
  rssBytes: number;
  /** Sum of proportional set sizes: each shared page divided among the processes that share it. */
  pssBytes: number;
}

function parentOf(pid: number): number | undefined {
  try {
    // The command name (field 2) may hold spaces and parentheses; the fields after its ")" do not.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

/** `root` and all its descendants that are alive now. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return tree;
}

function kibField(text: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(text);
  return match ? Number(match[1]) * 1024 : 0;
}

export function treeMemory(root: number): TreeMemory {
  let rssBytes = 0;
  let pssBytes = 0;
  let processes = 0;
  for (const pid of processTree(root)) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      rssBytes += kibField(rollup, "Rss");
      pssBytes += kibField(rollup, "Pss");
      processes += 1;
    } catch {
      // It ended between the listing and the read.
    }
  }
  return { processes, rssBytes, pssBytes };
}

/** Samples `treeMemory(root)` every `everyMs` until stopped; keeps the largest sums seen. */
export function samplePeak(root: number, everyMs = 200): { stop(): TreeMemory } {
  const peak: TreeMemory = { processes: 0, rssBytes: 0, pssBytes: 0 };
  const take = () => {
    const now = treeMemory(root);
    peak.processes = Math.max(peak.processes, now.processes);
    peak.rssBytes = Math.max(peak.rssBytes, now.rssBytes);
    peak.pssBytes = Math.max(peak.pssBytes, now.pssBytes);
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return { ...peak };
    },
  };
}
