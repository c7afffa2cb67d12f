// Plans answered lately, by what was asked. A team trying one what-if after another asks each time for
// the district as it is: on a province that side alone took 15–30 s of an answer's 30–60 s, held in an
// HTTP request or a chat (BENCHMARKS.md, "What-if"). The key is the input and the options, hashed, so a
// remembered plan is never stale: any change to the district (a report, a hire, a decided proposal, a
// day that ends a cooldown) changes the input, and the plan is made again.
import { createHash } from "node:crypto";
import type { Plan, PlanInput } from "../domain/balance/index.ts";
import { planWithin, type PlanWithinOptions } from "./plan-within.ts";

/** Plans kept: the "before" of a what-if and the last few "after"s (a province's plan is about 5 MB). */
const KEEP = 4;

/** One per process (main.ts), shared by the bot, the Mini App and the schedule. */
export class PlanMemo {
  /** Keyed plans, the most recently asked last; a plan still being made is its promise. */
  private readonly plans = new Map<string, Promise<Plan>>();
  private readonly tally = { made: 0, remembered: 0 };

  constructor(
    private readonly keep = KEEP,
    /** Makes the plans not in memory: `planWithin`, or a test's planner. */
    private readonly makePlan: (input: PlanInput, options: PlanWithinOptions) => Promise<Plan> = planWithin,
  ) {}

  /**
   * `planWithin`, answered from memory when the same input was planned with the same options lately,
   * or is being planned now (two presses of Hitung at once make one plan). A greedy answer (the engine
   * ran out of time) or a failure is not kept, so the next ask tries again. The plan is shared: not to
   * be changed by the caller.
   */
  plan(input: PlanInput, options: PlanWithinOptions): Promise<Plan> {
    const { inWorker: _where, ...asked } = options;
    const key = createHash("sha256")
      .update(JSON.stringify([input, asked]))
      .digest("base64");
    const known = this.plans.get(key);
    if (known !== undefined) {
      this.tally.remembered++;
      this.plans.delete(key);
      this.plans.set(key, known);
      return known;
    }
    this.tally.made++;
    const plan = this.makePlan(input, options);
    this.plans.set(key, plan);
    for (const oldest of this.plans.keys()) {
      if (this.plans.size <= this.keep) break;
      this.plans.delete(oldest);
    }
    const forget = () => {
      if (this.plans.get(key) === plan) this.plans.delete(key);
    };
    plan.then((made) => made.metrics.method === "greedy" && forget(), forget);
    return plan;
  }

  /** How many plans were made and how many answered from memory. */
  counts(): { made: number; remembered: number } {
    return { ...this.tally };
  }
}

/** Through the process's memo when the caller has one (the CLI plans once per process: it has none). */
export function planRemembered(
  plans: PlanMemo | undefined,
  input: PlanInput,
  options: PlanWithinOptions,
): Promise<Plan> {
  return plans === undefined ? planWithin(input, options) : plans.plan(input, options);
}
