// The engine's worker thread as its caller holds it. Apart from plan-within.ts, and light (no engine, no
// HiGHS, no zod): `seimbang plan` starts the thread before it loads the engine's own code, so that both
// load at once (plan-cli.ts).
import { Worker } from "node:worker_threads";
import type { Plan } from "../domain/balance/index.ts";
import type { PlanJob } from "./plan-worker.ts";
import { workerEntry } from "./worker-entry.ts";

/**
 * The engine's worker thread, started before its job: it loads the engine and compiles HiGHS while the
 * caller reads and checks its input. `cli plan` starts one first thing.
 */
export class PlanWorker {
  readonly #thread: Worker;
  /** Why the thread ended: it failed, or it was stopped. Pending until then. */
  readonly ended: Promise<Error>;
  #alive = true;

  /**
   * `entry`: from the build when it is current (0.2 s to start), else the sources through tsx (0.6 s).
   * `solver`: compile HiGHS while waiting; the thread for the greedy plan has no use for it.
   */
  constructor(entry: URL = workerEntry(), { solver = true } = {}) {
    this.#thread = new Worker(entry, { workerData: { solver } });
    const thread = this.#thread;
    this.ended = new Promise((resolve) => {
      thread.once("error", (error) => resolve(error));
      thread.once("exit", (code) => resolve(new Error(`the engine's worker stopped (exit ${code})`)));
    });
    void this.ended.then(() => (this.#alive = false));
  }

  get alive(): boolean {
    return this.#alive;
  }

  get threadId(): number {
    return this.#thread.threadId;
  }

  /** Plans one job: the plan, or why there is none (the thread failed or was stopped first). */
  solve(job: PlanJob): Promise<Plan | Error> {
    const thread = this.#thread;
    const plan = new Promise<Plan>((resolve) => thread.once("message", resolve));
    thread.postMessage(job);
    return Promise.race([plan, this.ended]);
  }

  /** Whether the thread keeps the process alive: a worker kept warm between plans does not. */
  hold(held: boolean): void {
    if (held) this.#thread.ref();
    else this.#thread.unref();
  }

  /**
   * Ends the thread, whether it answered, is still solving, or was never given a job: its exit code, or
   * undefined when it had ended already.
   */
  stop(): Promise<number | undefined> {
    return this.#thread.terminate();
  }
}
