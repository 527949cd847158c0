import { readFileSync, writeFileSync } from "node:fs";

/**
 * A process's resident memory from /proc (Linux): now, and its peak since the last reset. The
 * peak catches a spike between two samples; resetting it first (writing 5 to clear_refs) makes it
 * the peak of what follows.
 */
function statusField(pid: number, field: "VmRSS" | "VmHWM"): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((entry) => entry.startsWith(`${field}:`));
  if (!line) throw new Error(`no ${field} for process ${pid}`);
  return Number(line.replace(/\D+/g, "")) * 1024;
}

export const residentBytes = (pid: number) => statusField(pid, "VmRSS");
export const peakResidentBytes = (pid: number) => statusField(pid, "VmHWM");

export function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, "5");
}
