import { useState } from "react";
import type { DryRunDto } from "@/lib/jobs/dto";

export type DryRunState =
  | { status: "idle" }
  | { status: "pending" }
  | { status: "done"; result: DryRunDto }
  /** The error itself: the form words it in the reader's language by its code. */
  | { status: "failed"; error: unknown };

/** The dialog's dry run: one at a time, its answer kept until the next one. */
export function useDryRun(run: (() => Promise<DryRunDto>) | undefined) {
  const [state, setState] = useState<DryRunState>({ status: "idle" });
  async function start() {
    if (!run || state.status === "pending") return;
    setState({ status: "pending" });
    try {
      setState({ status: "done", result: await run() });
    } catch (error) {
      setState({ status: "failed", error });
    }
  }
  return { state, start: run ? start : undefined };
}
