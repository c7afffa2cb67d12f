import { describe, expect, it } from "vitest";
import { planTransfers } from "../../../src/domain/balance/index.ts";
import type { StageStep } from "../../../src/domain/balance/exact/lexicographic-stage.ts";
import { loadHighs } from "../../../src/domain/balance/exact/highs-runtime.ts";
import { SESSION_OPTIONS } from "../../../src/domain/balance/exact/highs-session.ts";
import { asVersion2, generateDistrict } from "../../../bench/engine-district.ts";

/**
 * bench/engine-stages.ts writes each model branch and bound starts on, so that other solvers can be
 * measured on it (BENCHMARKS.md). That is only worth anything if the file is the model itself: solved
 * alone, it must give the plan's own optimum.
 */
describe("models handed to branch and bound", () => {
  it("are told before branch and bound, and solve on their own to the plan's optimum", async () => {
    const input = asVersion2(generateDistrict({ units: 50, people: 500 }));
    const steps: StageStep[] = [];
    let data: Uint8Array = new Uint8Array();
    const plan = await planTransfers(input, {
      timeLimitSeconds: 60,
      trace: (step) => {
        steps.push(step);
        // Only while the step is told: branch and bound changes the model next.
        if (step.stage === "moves" && step.mps !== undefined) data = step.mps();
      },
    });
    expect(plan.metrics.tiersProven).toEqual([1, 2, 3, 4]);

    const models = steps.filter((step) => step.step === "model");
    expect(models.length).toBeGreaterThan(0);
    for (const model of models) {
      const next = steps[steps.indexOf(model) + 1];
      expect(next).toMatchObject({ stage: model.stage, step: "branch-and-bound" });
    }
    expect(models.every((step) => step.mps !== undefined)).toBe(true);
    expect(new TextDecoder().decode(data.subarray(0, 200))).toMatch(/^NAME/m);

    const highs = await loadHighs();
    const alone = highs.createModel({ format: "mps", data });
    try {
      alone.options.set({ ...SESSION_OPTIONS, mip_rel_gap: 0 });
      expect(alone.run().modelStatus).toBe(7);
      expect(Math.round(alone.getObjectiveValue())).toBe(plan.metrics.moves);
    } finally {
      alone.dispose();
    }
  }, 120_000);
});
