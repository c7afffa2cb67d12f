import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHighs } from "../../../src/domain/balance/exact/highs-runtime.ts";
import { SESSION_OPTIONS } from "../../../src/domain/balance/exact/highs-session.ts";
import { LpBuilder } from "../../../src/domain/balance/exact/lp-builder.ts";
import { NetworkSimplex } from "../../../src/domain/balance/flow/network-simplex.ts";

interface Problem {
  nodes: number;
  supply: number[];
  arcs: Array<{ from: number; to: number; capacity: number; cost: number }>;
}

/** Random networks; negative costs only on arcs of finite capacity, so no cycle is unbounded. */
const problems: fc.Arbitrary<Problem> = fc
  .integer({ min: 2, max: 12 })
  .chain((nodes) =>
    fc.record({
      nodes: fc.constant(nodes),
      supply: fc.array(fc.integer({ min: -6, max: 6 }), { minLength: nodes, maxLength: nodes }),
      arcs: fc.array(
        fc.record({
          from: fc.integer({ min: 0, max: nodes - 1 }),
          to: fc.integer({ min: 0, max: nodes - 1 }),
          capacity: fc.oneof(fc.integer({ min: 0, max: 8 }), fc.constant(Infinity)),
          cost: fc.integer({ min: -5, max: 12 }),
        }),
        { maxLength: 40 },
      ),
    }),
  )
  .map((problem) => {
    const total = problem.supply.reduce((sum, value) => sum + value, 0);
    const supply = [...problem.supply];
    supply[0] = (supply[0] ?? 0) - total;
    const arcs = problem.arcs
      .filter((arc) => arc.from !== arc.to)
      .map((arc) => (arc.cost < 0 && arc.capacity === Infinity ? { ...arc, capacity: 5 } : arc));
    return { ...problem, supply, arcs };
  });

/**
 * The same problem as an LP for HiGHS: the reference. Null when it has no solution. Without arcs HiGHS
 * calls the model empty (status 6) whatever the supplies, so there only zero supplies have a flow.
 */
async function referenceCost(problem: Problem): Promise<number | null> {
  if (problem.arcs.length === 0) return problem.supply.every((value) => value === 0) ? 0 : null;
  const highs = await loadHighs();
  const builder = new LpBuilder();
  for (const arc of problem.arcs) builder.addCol(arc.cost, 0, arc.capacity, false);
  for (let node = 0; node < problem.nodes; node++) {
    const columns: number[] = [];
    const coefficients: number[] = [];
    problem.arcs.forEach((arc, index) => {
      if (arc.from !== node && arc.to !== node) return;
      columns.push(index);
      coefficients.push(arc.from === node ? 1 : -1);
    });
    const supply = problem.supply[node] ?? 0;
    builder.addRow(supply, supply, columns, coefficients);
  }
  const model = highs.createModel(builder.build());
  try {
    model.options.set({ ...SESSION_OPTIONS, presolve: "off" });
    const { modelStatus } = model.run();
    return modelStatus === 7 ? model.getObjectiveValue() : null;
  } finally {
    model.dispose();
  }
}

/** `atUpper`: arcs of finite capacity that start full (a start the caller believes close to optimal). */
function solve(
  problem: Problem,
  atUpper: readonly boolean[] = [],
): { simplex: NetworkSimplex; cost: number; feasible: boolean } {
  const simplex = new NetworkSimplex(problem.nodes, Float64Array.from(problem.supply));
  problem.arcs.forEach((arc, index) => {
    simplex.addArc(arc.from, arc.to, arc.capacity, arc.cost);
    if (atUpper[index] === true && arc.capacity !== Infinity) simplex.startAtUpper(index);
  });
  const status = simplex.solve(1e6);
  expect(status).toBe("optimal");
  const cost = problem.arcs.reduce((sum, arc, index) => sum + arc.cost * simplex.flow(index), 0);
  return { simplex, cost, feasible: !simplex.infeasible() };
}

/** The simplex's flows respect capacities and conserve at every node. */
function expectFlow(problem: Problem, simplex: NetworkSimplex): void {
  const balance = new Array<number>(problem.nodes).fill(0);
  problem.arcs.forEach((arc, index) => {
    const flow = simplex.flow(index);
    expect(flow).toBeGreaterThanOrEqual(0);
    expect(flow).toBeLessThanOrEqual(arc.capacity);
    balance[arc.from] = (balance[arc.from] ?? 0) + flow;
    balance[arc.to] = (balance[arc.to] ?? 0) - flow;
  });
  expect(balance).toEqual(problem.supply.map((value) => value + 0));
}

describe("network simplex", () => {
  it("finds the least cost HiGHS finds, or says there is no flow when HiGHS does, from any start", async () => {
    await fc.assert(
      fc.asyncProperty(problems, fc.array(fc.boolean(), { maxLength: 40 }), async (problem, atUpper) => {
        const { simplex, cost, feasible } = solve(problem, atUpper);
        const reference = await referenceCost(problem);
        expect(feasible).toBe(reference !== null);
        if (reference === null) return;
        expect(cost).toBeCloseTo(reference, 6);
        expectFlow(problem, simplex);
        // Optimality conditions: no free arc can lower the cost.
        problem.arcs.forEach((arc, index) => {
          const reduced = simplex.reducedCost(index);
          if (simplex.flow(index) < arc.capacity) expect(reduced).toBeGreaterThanOrEqual(-1e-9);
          if (simplex.flow(index) > 0) expect(reduced).toBeLessThanOrEqual(1e-9);
        });
      }),
      { numRuns: 300, seed: 30 },
    );
  });

  it("goes on from its last tree when arcs are added and costs change, as a fresh solve would", async () => {
    await fc.assert(
      fc.asyncProperty(problems, fc.integer({ min: 0, max: 40 }), async (problem, split) => {
        const reference = await referenceCost(problem);
        if (reference === null) return;
        const simplex = new NetworkSimplex(problem.nodes, Float64Array.from(problem.supply));
        const first = problem.arcs.slice(0, split);
        for (const arc of first) simplex.addArc(arc.from, arc.to, arc.capacity, arc.cost);
        expect(simplex.solve(1e6)).toBe("optimal");
        for (const arc of problem.arcs.slice(split)) simplex.addArc(arc.from, arc.to, arc.capacity, 0);
        expect(simplex.solve(1e6)).toBe("optimal");
        // The real costs for every arc (the first ones are numbered as before the artificial arcs).
        const arcIndex = (index: number) => (index < first.length ? index : index + problem.nodes);
        const costs = new Map(problem.arcs.map((arc, index) => [arcIndex(index), arc.cost]));
        simplex.setCosts((arc) => costs.get(arc) ?? 0);
        expect(simplex.solve(1e6)).toBe("optimal");
        const cost = problem.arcs.reduce(
          (sum, arc, index) => sum + arc.cost * simplex.flow(arcIndex(index)),
          0,
        );
        expect(cost).toBeCloseTo(reference, 6);
      }),
      { numRuns: 150, seed: 31 },
    );
  });

  it("stopped in a later tier after any number of pivots, keeps a plan optimal on the earlier one and no worse on its own (solve-flow.ts)", () => {
    fc.assert(
      fc.property(
        problems,
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 40, maxLength: 40 }),
        (problem, second) => {
          const { simplex, cost: first, feasible } = solve(problem);
          if (!feasible) return;
          simplex.freezeOptimalFace();
          simplex.setCosts((arc) => (arc < problem.arcs.length ? (second[arc] ?? 0) : 0));
          const costOf = (costs: (index: number) => number) =>
            problem.arcs.reduce((sum, _, index) => sum + costs(index) * simplex.flow(index), 0);
          const secondCost = () => costOf((index) => second[index] ?? 0);
          let last = secondCost();
          for (let round = 0; round < 50; round++) {
            const status = simplex.solve(1e6, Infinity, 1);
            expect(simplex.infeasible()).toBe(false);
            expectFlow(problem, simplex);
            expect(costOf((index) => problem.arcs[index]?.cost ?? 0)).toBeCloseTo(first, 6);
            expect(secondCost()).toBeLessThanOrEqual(last + 1e-9);
            last = secondCost();
            if (status === "optimal") return;
          }
        },
      ),
      { numRuns: 300, seed: 32 },
    );
  });
});
