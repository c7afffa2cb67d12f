// A plan within its time limit, whatever the solver is doing (issue 30). HiGHS checks its clock
// between nodes and stages only, and an L-sized branch and bound has come back 9–22 s after its limit;
// so a large input is planned in a worker thread that is stopped at the limit (plus a grace of less
// than a second), and the greedy plan, made meanwhile in a second thread, is the answer then. The bot's
// event loop stays free throughout.
import { PlanWorker } from "./plan-thread.ts";
import {
  parsePlanInput,
  planTransfers,
  type Plan,
  type PlanInput,
  type PlanOptions,
} from "../domain/balance/index.ts";

export { PlanWorker };

/** Below this many people the engine answers in well under a second in-process; a thread costs more. */
export const WORKER_FROM_PEOPLE = 2_000;
/** What a run may take beyond its limit: the one second, less the hand-over. */
const GRACE_MS = 800;
/**
 * Milliseconds of the limit kept back from the engine's own clock for what it does past it: pairing the
 * moves found, why-nots and the plan's text take time by the district's size, not by the limit (after
 * its deadline L, 50,000 people, took about 5 s and XL, 150,000, 10–15 s; BENCHMARKS.md, "Engine:
 * time limits"), and at least a fifth of the limit covers the last solver call. Half the limit, as
 * before, left L's kilometre stage no time: L planned at 60 s kept 17,739 km of moves that its
 * kilometre stage brings to 10,522 km. 1 s per 10,000 people since pairing goes through a hub
 * (max-flow.ts): XL at 60 s then came back with its exact tier 1 at 57.0 and 59.2 s; with 1.5 s, its
 * first LP ended after the engine's clock in one run of two, and the plan was the greedy one.
 */
function overrunMs(limitSeconds: number, people: number): number {
  return Math.max(0.2 * limitSeconds * 1000, (people / 10_000) * OVERRUN_MS_PER_10_000_PEOPLE);
}
const OVERRUN_MS_PER_10_000_PEOPLE = 1_000;

/**
 * What the worker's engine gets: its own limit, ending `overrunMs` before the caller's, and no reserve of
 * its own within it. The engine keeps a tenth of its limit from its last stage for pairing when it runs
 * alone; here the margin already covers that, and both together ended L's kilometre stage at 43 s of 60 s,
 * before its LP was done (17,739 km, back at 45 s). Without the second reserve it has 5 s more: enough in
 * one run of two (10,522 km, back at 50 s), as its LP ends within seconds of the clock either way.
 */
export function workerBudget(
  options: Omit<PlanOptions, "trace"> & { timeLimitSeconds: number },
  people: number,
  now: number,
): { options: Omit<PlanOptions, "trace">; deadline: number } {
  return {
    options: { ...options, reserveShare: 0 },
    deadline: now + options.timeLimitSeconds * 1000 - overrunMs(options.timeLimitSeconds, people),
  };
}

export interface PlanWithinOptions extends Omit<PlanOptions, "trace"> {
  timeLimitSeconds: number;
  /** Force the worker (or not); by default from WORKER_FROM_PEOPLE people on. */
  inWorker?: boolean;
}

/**
 * A worker that answered in time is kept for the next plan, for `KEEP_WARM_MS`: in a new thread HiGHS's
 * WebAssembly and the engine's code run cold (M with the cap: 2.0–2.3 s against 0.9 s warm), and a
 * what-if plans twice in a row. Only below `KEEP_WARM_BELOW_PEOPLE`: the thread keeps the memory of its
 * largest plan, and a province's plans take tens of seconds, of which the cold start is one or two.
 */
const KEEP_WARM_MS = 5 * 60_000;
const KEEP_WARM_BELOW_PEOPLE = 20_000;
let warm: { worker: PlanWorker; timer: NodeJS.Timeout } | undefined;

/** The worker kept warm, if it is still there; it is the caller's until given back. */
function takeWarm(): PlanWorker | undefined {
  const kept = warm;
  warm = undefined;
  if (kept === undefined) return undefined;
  clearTimeout(kept.timer);
  if (!kept.worker.alive) return undefined;
  kept.worker.hold(true);
  return kept.worker;
}

/** Keeps a worker that answered in time for the next plan; one is enough, so a second is stopped. */
async function keepWarm(worker: PlanWorker): Promise<void> {
  if (warm !== undefined || !worker.alive) {
    await worker.stop();
    return;
  }
  worker.hold(false);
  const timer = setTimeout(() => void releaseWarmWorker(), KEEP_WARM_MS).unref();
  warm = { worker, timer };
}

/** The thread id of the worker kept warm, if any (for tests). */
export function warmWorkerId(): number | undefined {
  return warm?.worker.threadId;
}

/** Stops the worker kept warm, if any: at shutdown, and when it has been idle `KEEP_WARM_MS`. */
export async function releaseWarmWorker(): Promise<void> {
  const worker = takeWarm();
  await worker?.stop();
}

/**
 * The share of the limit the worker has before the greedy plan is made meanwhile. Made at once, it
 * takes a core from the worker's first, cold, stage on a two-core machine: `seimbang plan` on
 * M with the cap, five runs each, alternating: 2.70–2.86 s wall with a tenth of the limit's wait,
 * 2.85–2.91 s without. The largest greedy plans (XL: 13–28 s) still end well before the limit.
 */
const FALLBACK_AFTER_SHARE = 0.1;

/**
 * `planTransfers`, returning by `timeLimitSeconds` + 0.8 s: the exact plan when the worker finishes in
 * time, else the greedy plan (`method: "greedy"`, no tier proven). Bad input throws PlanInputError
 * before the engine runs. A worker already started (`PlanWorker`) is used if the district needs one,
 * and stopped either way; else the worker kept warm from the last plan, or a new one.
 */
export async function planWithin(
  input: PlanInput,
  options: PlanWithinOptions,
  started?: PlanWorker,
): Promise<Plan> {
  const startedAt = performance.now();
  let parsed: PlanInput;
  try {
    parsed = parsePlanInput(input);
  } catch (error) {
    await started?.stop();
    throw error;
  }
  const { inWorker, ...engine } = options;
  if (!(inWorker ?? parsed.employees.length >= WORKER_FROM_PEOPLE)) {
    await started?.stop();
    return planTransfers(parsed, engine);
  }
  const keep = started === undefined && parsed.employees.length < KEEP_WARM_BELOW_PEOPLE;
  const worker = started ?? takeWarm() ?? new PlanWorker();
  let fallback: PlanWorker | undefined;
  let inTime = false;
  try {
    // The engine's own limit ends early enough for its stages' overrun (pairing, the last node) to fit:
    // measured from now, so a thread's start-up counts against it.
    const answer = worker.solve({
      input: parsed,
      ...workerBudget(engine, parsed.employees.length, Date.now()),
    });
    const limitMs = options.timeLimitSeconds * 1000;
    const early = await Promise.race([answer, delay(FALLBACK_AFTER_SHARE * limitMs)]);
    if (early instanceof Error) throw early;
    inTime = early !== null;
    if (early) return early;
    // The answer if the worker is late: the greedy plan, made meanwhile in a thread of its own, so that
    // this thread stays free (on 150,000 people greedy takes 12–17 s).
    fallback = new PlanWorker(undefined, { solver: false });
    const greedy = fallback.solve({
      input: parsed,
      options: { ...engine, method: "greedy" },
      deadline: Date.now() + limitMs,
    });
    const first = await Promise.race([answer, delay(startedAt + limitMs + GRACE_MS - performance.now())]);
    if (first instanceof Error) throw first;
    inTime = first !== null;
    if (first) return first;
    const made = await greedy;
    if (made instanceof Error) throw made;
    return { ...made, metrics: { ...made.metrics, seconds: (performance.now() - startedAt) / 1000 } };
  } finally {
    // A late worker is still solving: stopped, like any started by the caller (`cli plan` then exits).
    await Promise.all([keep && inTime ? keepWarm(worker) : worker.stop(), fallback?.stop()]);
  }
}

/** Resolves with null after `ms` milliseconds (at once when `ms` is not positive). */
function delay(ms: number): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), Math.max(0, ms)).unref());
}
