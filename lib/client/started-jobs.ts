/**
 * Jobs started from this browser tab and not yet announced as finished. A small job can end
 * before its page has even loaded; remembering it lets the job page still say "finished" once.
 * sessionStorage: per tab, gone with it; unavailable storage only loses that one toast.
 */
const KEY = "wf-offboard.started-jobs";

function read(): string[] {
  try {
    const value: unknown = JSON.parse(window.sessionStorage.getItem(KEY) ?? "[]");
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

function write(ids: string[]): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(ids.slice(-20)));
  } catch {
    // Private mode or a full quota: nothing to do.
  }
}

export function rememberStartedJob(id: string): void {
  write([...read().filter((known) => known !== id), id]);
}

/** True once for a job this tab started; it is then forgotten. */
export function takeStartedJob(id: string): boolean {
  const ids = read();
  if (!ids.includes(id)) return false;
  write(ids.filter((known) => known !== id));
  return true;
}
