// The engine in a worker thread (plan-within.ts). It loads the engine and compiles HiGHS as soon as it
// starts, then plans its jobs one at a time: a caller that starts it before reading its input (`cli
// plan`) has both done by the time the input arrives, and a worker kept after a plan answers the next
// one warm. Each plan goes back as a message.
import { parentPort, workerData } from "node:worker_threads";
import { loadSolver, planTransfers, type PlanInput, type PlanOptions } from "../domain/balance/index.ts";

export interface PlanJob {
  input: PlanInput;
  options: PlanOptions;
  /** Epoch milliseconds the engine's own limit ends at (plan-within.ts). */
  deadline: number;
}

// A failure to compile is the engine's to report when it needs the solver; nothing is lost waiting here.
// The thread for the greedy fallback (`solver: false`) never needs it.
const compiled =
  (workerData as { solver?: boolean } | null)?.solver === false
    ? undefined
    : loadSolver().catch(() => undefined);

parentPort?.on("message", async ({ input, options, deadline }: PlanJob) => {
  await compiled;
  const timeLimitSeconds = Math.max(0.5, (deadline - Date.now()) / 1000);
  parentPort?.postMessage(await planTransfers(input, { ...options, timeLimitSeconds }));
});
