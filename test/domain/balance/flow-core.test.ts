import { describe, expect, it } from "vitest";
import {
  buildInstance,
  parsePlanInput,
  planTransfers,
  type PlanInput,
} from "../../../src/domain/balance/index.ts";
import { buildNetwork } from "../../../src/domain/balance/exact/pool-network.ts";
import { capsMayBind, solveFlow } from "../../../src/domain/balance/flow/solve-flow.ts";
import type { StageStep } from "../../../src/domain/balance/exact/stage-trace.ts";
import { materializeMoves } from "../../../src/domain/balance/output/materialize-moves.ts";
import { evaluate, violations } from "./builders.ts";
import { asVersion2, generateDistrict } from "../../../bench/engine-district.ts";

function flowOf(input: PlanInput, handover = performance.now() + 60_000, end = handover) {
  const instance = buildInstance(parsePlanInput(input));
  const network = buildNetwork(instance);
  const steps: StageStep[] = [];
  const result = solveFlow(instance, network, { handover, end }, (step) => steps.push(step));
  return { result, steps, mayBind: capsMayBind(instance, network) };
}

const standard = (units: number, people: number) =>
  asVersion2(generateDistrict({ units, people }, undefined, "standard"));
const uncapped = (input: PlanInput): PlanInput => ({
  ...input,
  policy: { ...input.policy, maxMovesPerUnit: null },
});

describe("when the flow core plans and when it hands over (issue 30)", () => {
  it("proves every tier of a standard-hours district without caps, as the plan's method says", async () => {
    const input = uncapped(standard(60, 900));
    const { result, steps } = flowOf(input);
    expect(typeof result === "string" ? result : result.tiersProven).toEqual([1, 2, 3, 4]);
    expect(steps).toEqual([expect.objectContaining({ stage: "flow", step: "proven", optimal: true })]);
    const plan = await planTransfers(input);
    expect(plan.metrics).toMatchObject({ method: "flow", optimal: true, tiersProven: [1, 2, 3, 4] });
  });

  it("hands mixed hours to the MILP at once: 24, 18 and 12 JP at one school are not one flow", () => {
    expect(flowOf(uncapped(asVersion2(generateDistrict({ units: 60, people: 900 })))).result).toBe(
      "mixed-hours",
    );
  });

  it("hands a district whose caps bind to the MILP, which proves the capped plan", async () => {
    const input = standard(60, 900);
    const { result, mayBind } = flowOf(input);
    expect(mayBind).toBe(true);
    expect(result).toBe("caps");
    const plan = await planTransfers(input);
    expect(plan.metrics).toMatchObject({ method: "exact", optimal: true });
  });

  it("does not try the flow on a large district where a cap may bind (its first tier alone takes seconds)", () => {
    const { result, steps } = flowOf(standard(3_000, 50_000));
    expect(result).toBe("caps");
    expect(steps.map((step) => step.step)).toEqual(["caps"]);
  });

  it("out of time after a tier, it answers with that tier's plan: valid, and optimal on the tiers proved", async () => {
    const input = uncapped(standard(60, 900));
    const instance = buildInstance(parsePlanInput(input));
    const network = buildNetwork(instance);
    // The first tier has its time; the rest has none.
    const steps: StageStep[] = [];
    const result = solveFlow(instance, network, { handover: performance.now() + 60_000, end: 0 }, (step) =>
      steps.push(step),
    );
    if (typeof result === "string") throw new Error(`no plan: ${result}`);
    expect(result.tiersProven).toEqual([1]);
    expect(steps).toEqual([expect.objectContaining({ stage: "flow", step: "time", optimal: false })]);
    // Before kilometres count, people go through the hubs; each is paired within reach.
    const indexed = materializeMoves(instance, network, result.feedCounts, result.transfers);
    const moves = indexed.map((move) => ({
      employee: input.employees[move.employee]?.id ?? "",
      from: input.employees[move.employee]?.unit ?? "",
      to: input.units[move.to]?.id ?? "",
      role: input.roles[move.role]?.id ?? "",
      reason: "",
    }));
    expect(violations(input, moves)).toEqual([]);
    const proven = await planTransfers(input);
    expect(evaluate(input, moves).unmetAfter).toBeCloseTo(proven.metrics.unmetAfter, 6);
    expect(result.unmetBound).toBeCloseTo(proven.metrics.unmetAfter, 6);
  });

  it("says it ran out of time when its deadline has passed, and the MILP is left the rest", () => {
    expect(flowOf(uncapped(standard(60, 900)), performance.now() - 1).result).toBe("time");
  });
});
