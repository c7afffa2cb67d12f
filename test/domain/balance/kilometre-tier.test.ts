import { describe, expect, it } from "vitest";
import { asVersion2, generateDistrict } from "../../../bench/engine-district.ts";
import {
  buildInstance,
  parsePlanInput,
  planTransfers,
  solveExact,
  type Plan,
  type PlanInput,
} from "../../../src/domain/balance/index.ts";
import { evaluateMoves, policyViolations } from "../../../src/domain/balance/output/evaluate.ts";
import { materializeMoves } from "../../../src/domain/balance/output/materialize-moves.ts";
import { withMovesHeld } from "../../../src/domain/balance/in-flight.ts";
import type { StageStep } from "../../../src/domain/balance/exact/stage-trace.ts";

/** 50 units, 500 people, each role's standard hours, with the product's cap of 3 moves per unit. */
const district: PlanInput = asVersion2(generateDistrict({ units: 50, people: 500 }, 7, "standard"));
const pending = (plan: Plan) =>
  plan.moves.map(({ employee, to, role }) => ({ employee, to, role, state: "pending" as const }));

async function traced(input: PlanInput, options: { flow?: boolean; kilometres?: boolean } = {}) {
  const steps: StageStep[] = [];
  const plan = await planTransfers(input, { ...options, trace: (step) => steps.push(step) });
  return { plan, stages: new Set(steps.map((step) => step.stage)) };
}

describe("the kilometre tier (issue 30, the plan in flight at scale)", () => {
  it("is proved with no kilometre model when the plan moves nobody", async () => {
    const first = await planTransfers(district, { flow: false });
    expect(first.moves.length).toBeGreaterThan(10);
    // Every move of the first plan carried out: nothing is left that a move would improve.
    const held = await traced(withMovesHeld(district, pending(first)), { flow: false });
    expect(held.plan.moves).toEqual([]);
    expect(held.plan.metrics.tiersProven).toEqual([1, 2, 3, 4]);
    expect(held.stages.has("moves")).toBe(true);
    expect(held.stages.has("km")).toBe(false);
  });

  it("is left out on request: the same unmet, severity and moves, paired but not proved least", async () => {
    for (const flow of [false, true]) {
      const input = flow ? { ...district, policy: { ...district.policy, maxMovesPerUnit: null } } : district;
      const full = await traced(input, { flow });
      const short = await traced(input, { flow, kilometres: false });
      expect(full.plan.metrics.method).toBe(flow ? "flow" : "exact");
      expect(short.plan.metrics.method).toBe(full.plan.metrics.method);
      expect(full.plan.metrics.tiersProven).toEqual([1, 2, 3, 4]);
      expect(short.plan.metrics.tiersProven).toEqual([1, 2, 3]);
      expect(short.plan.metrics.unmetAfter).toBe(full.plan.metrics.unmetAfter);
      expect(short.plan.metrics.severityAfter).toBe(full.plan.metrics.severityAfter);
      expect(short.plan.moves.length).toBe(full.plan.moves.length);
      expect(short.plan.metrics.km).toBeGreaterThanOrEqual(full.plan.metrics.km - 1e-9);
      if (!flow) expect([full.stages.has("km"), short.stages.has("km")]).toEqual([true, false]);
    }
  });

  it("is never built in a week that keeps every pending proposal, and all five tiers are proved", async () => {
    const first = await planTransfers(district, { flow: false });
    const second = await traced({ ...district, inFlight: pending(first) }, { flow: false });
    expect(second.plan.metrics.inFlight?.pendingKept).toBe(first.moves.length);
    expect(second.plan.moves.length).toBe(first.moves.length);
    expect(second.plan.metrics.tiersProven).toEqual([1, 2, 3, 4, 5]);
    // The reference plan answers for tiers 1 and 2 only; the plan holding every move has none to add.
    expect(second.stages.has("km")).toBe(false);
  });
});

describe("the kilometre stage when pricing does not end (issue 30: L with the cap on a slow day)", () => {
  const instance = buildInstance(parsePlanInput(district));
  async function solve(limits: { rounds?: number; kilometres?: boolean } = {}) {
    const result = await solveExact(instance, {
      deadline: performance.now() + 60_000,
      reserve: 0,
      nearest: 1,
      proofArcs: 100_000,
      flow: false,
      ...limits,
    });
    if (result === null) throw new Error("no plan");
    const moves = materializeMoves(instance, result.network, result.feedCounts, result.transfers);
    const { after, km } = evaluateMoves(instance, moves);
    return { tiers: result.tiersProven, moves, ...after, km };
  }

  it("answers with the last round's LP made whole: the earlier tiers' optima, shorter than the moves stage's pairing, not proven", async () => {
    const full = await solve();
    const paired = await solve({ kilometres: false });
    expect(full.tiers).toEqual([1, 2, 3, 4]);
    expect(paired.tiers).toEqual([1, 2, 3]);
    for (const rounds of [1, 2]) {
      const stopped = await solve({ rounds });
      expect(stopped.tiers).toEqual([1, 2, 3]);
      expect(policyViolations(instance, stopped.moves)).toEqual([]);
      expect([stopped.unmet, stopped.severity, stopped.moves.length]).toEqual([
        full.unmet,
        full.severity,
        full.moves.length,
      ]);
      expect(stopped.km).toBeGreaterThanOrEqual(full.km - 1e-6);
      // Without the last round's plan the stage gave nothing, and the moves stage's pairing was the plan.
      expect(stopped.km).toBeLessThan(paired.km - 1);
    }
  });
});
