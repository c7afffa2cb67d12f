import { describe, expect, it } from "vitest";
import type { SolverSession } from "../../../src/domain/balance/exact/highs-session.ts";
import { solveStage } from "../../../src/domain/balance/exact/lexicographic-stage.ts";
import type { LpResult, StageResult } from "../../../src/domain/balance/exact/solver-data.ts";

/**
 * A session whose LP vertex is fractional and whose neighbourhood finds nothing, with `left` seconds
 * remaining: what a stage on L with mixed hours meets after severity's LP. Records what the stage asks.
 */
function session(left: number) {
  const asked = { neighbourhoodSeconds: [] as number[], branchAndBound: 0 };
  const found: StageResult = { values: Float64Array.of(1), optimal: true, bound: 10, objective: 10 };
  const fake = {
    remainingSeconds: () => left,
    fractionalUnits: () => new Set([0]),
    solveNeighbourhood: (_values: Float64Array, _units: Set<number>, _gap: number, seconds = 0) => {
      asked.neighbourhoodSeconds.push(seconds);
      return null;
    },
    solveInteger: () => {
      asked.branchAndBound++;
      return found;
    },
  };
  return { session: fake as unknown as SolverSession, asked };
}

const relaxation: LpResult = {
  values: Float64Array.of(0.5),
  objective: 9.5,
  integral: false,
  rowDuals: new Float64Array(),
  columnDuals: new Float64Array(1),
  iterations: 1,
};

describe("a stage's branch and bound on the whole model", () => {
  it("does not start with less than twice its LP's time left, and the neighbourhood gets a quarter of the LP's", () => {
    const { session: short, asked } = session(15);
    expect(solveStage(short, "severity", undefined, relaxation, undefined, null, 10)).toBeNull();
    expect(asked.branchAndBound).toBe(0);
    expect(asked.neighbourhoodSeconds).toEqual([2.5]);
  });

  it("starts with more than twice its LP's time left, and answers with what it found", () => {
    const { session: long, asked } = session(25);
    expect(solveStage(long, "severity", undefined, relaxation, undefined, null, 10)?.objective).toBe(10);
    expect(asked.branchAndBound).toBe(1);
    expect(asked.neighbourhoodSeconds).toEqual([0]);
  });
});
