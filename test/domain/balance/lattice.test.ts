import { describe, expect, it } from "vitest";
import { asVersion2, generateDistrict } from "../../../bench/engine-district.ts";
import { buildInstance, planTransfers, type PlanInput } from "../../../src/domain/balance/index.ts";
import { boundOnStep, objectiveStep } from "../../../src/domain/balance/exact/lattice.ts";
import type { StageStep } from "../../../src/domain/balance/exact/stage-trace.ts";
import { makeInput, makeUnit, nip } from "./builders.ts";

const withHours = (hours: number[]): PlanInput =>
  makeInput({
    version: 2,
    units: [makeUnit({ id: "A" })],
    demand: [{ unit: "A", role: "GURU_KELAS", hours: 48 }],
    employees: hours.map((h, i) => ({
      id: nip(i + 1),
      unit: "A",
      role: "GURU_KELAS",
      hours: h,
      movable: true,
    })),
  });

describe("the lattice of objective values (issue 30)", () => {
  it("is ⅛ h for unmet and 1/64 for severity when every hour is a multiple of ⅛; none otherwise", () => {
    const standard = buildInstance(withHours([24, 37.5, 12.125]));
    expect(objectiveStep(standard, "unmet")).toBe(1 / 8);
    expect(objectiveStep(standard, "severity")).toBe(1 / 64);
    expect(objectiveStep(standard, "moves")).toBeNull();
    expect(objectiveStep(standard, "km")).toBeNull();
    expect(objectiveStep(buildInstance(withHours([24, 17.3])), "severity")).toBeNull();
  });

  it("rounds a bound up to the step after taking the solver's tolerance off, never down", () => {
    // HiGHS's 26730.3749586 for a severity whose plans lie on 1/64: the next step is 26730.375.
    expect(boundOnStep(26730.374958604767, 2.8e-5, 1 / 64)).toBe(26730.375);
    // A bound already on the lattice, or a little above it within the tolerance, stays.
    expect(boundOnStep(26730.375, 2.8e-5, 1 / 64)).toBe(26730.375);
    expect(boundOnStep(26730.37501, 2.8e-5, 1 / 64)).toBe(26730.37501);
    expect(boundOnStep(10.3, 1e-6, null)).toBe(10.3);
  });

  it("on a district with standard hours every stage is proven without branch and bound", async () => {
    // 300 units and 5,000 people, at most 3 moves a unit: the caps leave the flow core out. Without the
    // lattice severity's LP bound falls 4·10⁻⁵ short; a neighbourhood that carried every unit's
    // shortages found nothing in time on L; kilometres a millimetre above their bound were priced
    // again. Each of those ran branch and bound.
    const input = asVersion2(generateDistrict({ units: 300, people: 5_000 }, undefined, "standard"));
    const steps: StageStep[] = [];
    const plan = await planTransfers(input, { trace: (step) => steps.push(step) });
    expect(plan.metrics.tiersProven).toEqual([1, 2, 3, 4]);
    expect(
      steps.filter((s) => s.step === "model" || s.step === "branch-and-bound" || s.step === "proof"),
    ).toEqual([]);
    for (const stage of ["unmet", "severity", "moves", "km"])
      expect(steps.filter((s) => s.stage === stage).at(-1)?.optimal).toBe(true);
    expect(steps.some((s) => s.step === "neighbourhood")).toBe(true);
    // The tiers before kilometres are kept with absolute room only: with room relative to severity
    // (2.7·10⁻⁵ here) the kilometre LP's bound fell 0.98 m below the plan, on L 6 m, never proven there.
    const km = steps.filter((s) => s.stage === "km");
    const bound = km.find((s) => s.step === "lp")?.bound ?? 0;
    expect((km.at(-1)?.objective ?? Infinity) - bound).toBeLessThan(1e-4);
  });
});
