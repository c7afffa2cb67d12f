import type { Highs } from "highs";
import { describe, expect, it } from "vitest";
import { loadHighs } from "../../../src/domain/balance/exact/highs-runtime.ts";
import { SolverSession } from "../../../src/domain/balance/exact/highs-session.ts";
import { LpBuilder } from "../../../src/domain/balance/exact/lp-builder.ts";

/**
 * A transportation problem, 3 senders × 3 receivers, as the kilometre stage's arcs are. The cheapest
 * pairing costs 7: sender 0 sends one to receiver 0 (1) and one to receiver 1 (2), sender 1 two to
 * receiver 2 (2 × 1), sender 2 one to receiver 1 (2).
 */
const OPTIMUM = 7;
const COSTS = [
  [1, 2, 9],
  [4, 5, 1],
  [7, 2, 8],
];
const SUPPLY = [2, 2, 1];
const DEMAND = [1, 2, 2];

function transportation() {
  const builder = new LpBuilder();
  const column = (from: number, to: number) => from * 3 + to;
  COSTS.forEach((row) => row.forEach((cost) => builder.addCol(cost, 0, Infinity, false)));
  SUPPLY.forEach((supply, from) =>
    builder.addRow(
      supply,
      supply,
      [0, 1, 2].map((to) => column(from, to)),
      [1, 1, 1],
    ),
  );
  DEMAND.forEach((demand, to) =>
    builder.addRow(
      demand,
      demand,
      [0, 1, 2].map((from) => column(from, to)),
      [1, 1, 1],
    ),
  );
  return builder.build();
}

async function session(): Promise<SolverSession> {
  const data = transportation();
  return new SolverSession(await loadHighs(), data, performance.now() + 60_000, new Int32Array(9).fill(-1));
}

describe("a session started at a known plan (the kilometre stage's start)", () => {
  it("crosses over to a vertex there, and the LP goes on from it instead of from nothing", async () => {
    // Each sender to the next receivers in order: a plan, but at 1 + 2 + 5 + 1 + 8 = 17.
    const feasible = Float64Array.from([1, 1, 0, 0, 1, 1, 0, 0, 1]);
    const cold = await session();
    const warm = await session();
    try {
      const fromNothing = cold.solveRelaxation();
      expect(warm.startAt(feasible)).toBe(true);
      const fromPlan = warm.solveRelaxation();
      expect(fromPlan?.objective).toBeCloseTo(OPTIMUM, 9);
      expect(fromNothing?.objective).toBeCloseTo(OPTIMUM, 9);

      // Started at an optimum, the LP has nothing left to do.
      const atOptimum = await session();
      try {
        expect(atOptimum.startAt(fromPlan?.values ?? new Float64Array())).toBe(true);
        expect(atOptimum.solveRelaxation()?.iterations).toBe(0);
        expect(fromNothing?.iterations).toBeGreaterThan(0);
      } finally {
        atOptimum.dispose();
      }
    } finally {
      cold.dispose();
      warm.dispose();
    }
  });

  it("says no, and changes nothing, when HiGHS cannot cross over from the values", async () => {
    const refused = await session();
    try {
      expect(refused.startAt(new Float64Array(2))).toBe(false);
      expect(refused.solveRelaxation()?.objective).toBeCloseTo(OPTIMUM, 9);
    } finally {
      refused.dispose();
    }
  });

  it("puts the model back when a crossover it could not finish leaves the model without its matrix", async () => {
    // As HiGHS did once on a 3-unit kilometre model, depending on what ran before in the process: the
    // crossover failed and the model kept its rows and columns but lost every nonzero.
    const highs = await loadHighs();
    const wiping = {
      ...highs,
      createModel: (data: Parameters<Highs["createModel"]>[0]) => {
        const model = highs.createModel(data);
        const crossover = model.crossover.bind(model);
        model.crossover = (input) => {
          const empty = {
            format: "csr",
            numRows: 6,
            numCols: 9,
            starts: new Int32Array(7),
            indices: new Int32Array(),
            values: new Float64Array(),
          } as const;
          model.passModel({ ...transportation(), matrix: empty });
          return crossover(input);
        };
        return model;
      },
    } as Highs;
    const wiped = new SolverSession(
      wiping,
      transportation(),
      performance.now() + 60_000,
      new Int32Array(9).fill(-1),
    );
    try {
      expect(wiped.startAt(Float64Array.from([1, 1, 0, 0, 1, 1, 0, 0, 1]))).toBe(false);
      expect(wiped.solveRelaxation()?.objective).toBeCloseTo(OPTIMUM, 9);
    } finally {
      wiped.dispose();
    }
  });
});

describe("a neighbourhood around a kept pending move (most-kept.ts)", () => {
  /**
   * x: a kept move into unit 0 from its home, unit 1; y: a move out of unit 1, which must equal x (its
   * home gives the person up); z: a column of unit 2. Each one is worth 1.
   */
  async function keptMove(homeOfColumn?: Int32Array) {
    const builder = new LpBuilder();
    for (let column = 0; column < 3; column++) builder.addCol(-1, 0, 1, true);
    builder.addRow(0, 0, [0, 1], [1, -1]);
    const units = Int32Array.from([0, 1, 2]);
    const options = homeOfColumn === undefined ? {} : { homeOfColumn };
    return new SolverSession(await loadHighs(), builder.build(), performance.now() + 60_000, units, options);
  }

  it("frees the home of a fractional kept move with its destination, so the move can change", async () => {
    // Around a point where the kept move is half taken and its home keeps the person: only freeing unit
    // 1 too lets both move.
    const values = Float64Array.from([0.5, 0, 1]);
    const withHome = await keptMove(Int32Array.from([1, -1, -1]));
    const without = await keptMove();
    try {
      expect([...withHome.fractionalUnits(values)].sort()).toEqual([0, 1]);
      expect(withHome.solveNeighbourhood(values, withHome.fractionalUnits(values), 0)?.objective).toBe(-3);
      expect([...without.fractionalUnits(values)]).toEqual([0]);
      expect(without.solveNeighbourhood(values, without.fractionalUnits(values), 0)?.objective).toBe(-1);
    } finally {
      withHome.dispose();
      without.dispose();
    }
  });
});

describe("an LP stopped at the caller's time (the kilometre stage's rounds of pricing, issue 30)", () => {
  /** 150 senders × 150 receivers, random costs, and the north-west corner's plan: feasible, far from best. */
  function largeTransportation() {
    const size = 150;
    let seed = 11;
    const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    const supply = Array.from({ length: size }, () => 1 + Math.floor(random() * 9));
    const demand = [...supply].reverse();
    const builder = new LpBuilder();
    const column = (from: number, to: number) => from * size + to;
    for (let at = 0; at < size * size; at++)
      builder.addCol(1 + Math.floor(random() * 100), 0, Infinity, false);
    const indices = Array.from({ length: size }, (_, index) => index);
    const exactly = (amount: number, columns: number[]) =>
      builder.addRow(
        amount,
        amount,
        columns,
        columns.map(() => 1),
      );
    supply.forEach((amount, from) =>
      exactly(
        amount,
        indices.map((to) => column(from, to)),
      ),
    );
    demand.forEach((amount, to) =>
      exactly(
        amount,
        indices.map((from) => column(from, to)),
      ),
    );
    const corner = new Float64Array(size * size);
    const [left, wanted] = [[...supply], [...demand]];
    for (let from = 0, to = 0; from < size && to < size;) {
      const amount = Math.min(left[from] ?? 0, wanted[to] ?? 0);
      corner[column(from, to)] = amount;
      left[from] = (left[from] ?? 0) - amount;
      wanted[to] = (wanted[to] ?? 0) - amount;
      if (left[from] === 0) from++;
      else to++;
    }
    const sums = (values: ArrayLike<number>) => ({
      sent: supply.map((_, from) => indices.reduce((sum, to) => sum + (values[column(from, to)] ?? 0), 0)),
      received: demand.map((_, to) =>
        indices.reduce((sum, from) => sum + (values[column(from, to)] ?? 0), 0),
      ),
    });
    return { data: builder.build(), corner, supply, demand, sums };
  }

  it("answers with the primal simplex's feasible point, marked stopped, and the session goes on to the optimum", async () => {
    const problem = largeTransportation();
    const highs: Highs = await loadHighs();
    const make = () =>
      new SolverSession(highs, problem.data, performance.now() + 60_000, new Int32Array(150 * 150).fill(-1));
    const full = make();
    const cut = make();
    try {
      const optimum = full.solveRelaxation();
      expect(optimum?.stopped).toBeUndefined();
      expect(cut.startAt(problem.corner)).toBe(true);
      const costs = problem.data.colCost;
      const startCost = problem.corner.reduce((sum, value, at) => sum + value * (costs[at] ?? 0), 0);
      const stopped = cut.solveRelaxation(undefined, performance.now() + 2);
      expect(stopped?.stopped).toBe(true);
      const values = stopped?.values ?? new Float64Array();
      const { sent, received } = problem.sums(values);
      sent.forEach((amount, from) => expect(amount).toBeCloseTo(problem.supply[from] ?? 0, 6));
      received.forEach((amount, to) => expect(amount).toBeCloseTo(problem.demand[to] ?? 0, 6));
      expect(Math.min(...values)).toBeGreaterThanOrEqual(-1e-9);
      expect(stopped?.objective).toBeLessThanOrEqual(startCost + 1e-6);
      expect(stopped?.objective).toBeGreaterThan((optimum?.objective ?? 0) + 1);
      // The point is no bound; asked again without a time of its own, the session proves the optimum.
      expect(cut.solveRelaxation()?.objective).toBeCloseTo(optimum?.objective ?? NaN, 6);
    } finally {
      full.dispose();
      cut.dispose();
    }
  });
});
