// The engine in a worker thread (plan-within.ts): the plan goes back as a message.
import { parentPort, workerData } from "node:worker_threads";
import { planTransfers, type PlanInput, type PlanOptions } from "../domain/balance/index.ts";

const { input, options, deadline } = workerData as {
  input: PlanInput;
  options: PlanOptions;
  /** Epoch milliseconds the engine's own limit ends at (plan-within.ts). */
  deadline: number;
};
const timeLimitSeconds = Math.max(0.5, (deadline - Date.now()) / 1000);
parentPort?.postMessage(await planTransfers(input, { ...options, timeLimitSeconds }));
