import { useState } from "react";
import type { DryRunDto } from "@/lib/jobs/dto";

export type DryRunState =
  | { status: "idle" }
  | { status: "pending" }
  | { status: "done"; result: DryRunDto }
  | { status: "failed"; message: string };

/** The dialog's dry run: one at a time, its answer kept until the next one. */
export function useDryRun(run: (() => Promise<DryRunDto>) | undefined) {
  const [state, setState] = useState<DryRunState>({ status: "idle" });
  async function start() {
    if (!run || state.status === "pending") return;
    setState({ status: "pending" });
    try {
      setState({ status: "done", result: await run() });
    } catch (error) {
      setState({ status: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { state, start: run ? start : undefined };
}
