import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHighs } from "../../../src/domain/balance/exact/highs-runtime.ts";
import { SESSION_OPTIONS } from "../../../src/domain/balance/exact/highs-session.ts";
import { LpBuilder } from "../../../src/domain/balance/exact/lp-builder.ts";
import type { Arc } from "../../../src/domain/balance/exact/milp-model.ts";
import { pairAtLeastCost, type PoolFlow, type Transfer } from "../../../src/domain/balance/exact/pairing.ts";

interface Problem {
  flows: PoolFlow[];
  arcs: Arc[];
  preferred: Map<number, Map<number, number>>;
}

/**
 * Pools of up to five source and five arrival units, with a pairing that exists (its arcs are among the
 * arcs offered), more arcs at random, kilometres off the centimetre, and some pairs preferred.
 */
const problems: fc.Arbitrary<Problem> = fc
  .array(
    fc.record({
      sources: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }),
      sinkCount: fc.integer({ min: 1, max: 5 }),
      extra: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 12 }),
      seed: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .chain((pools) =>
    fc.record({
      pools: fc.constant(pools),
      km: fc.array(fc.double({ min: 0, max: 120, noNaN: true }), { minLength: 100, maxLength: 100 }),
      preferred: fc.array(fc.tuple(fc.nat(9), fc.nat(9), fc.integer({ min: 1, max: 3 })), { maxLength: 6 }),
    }),
  )
  .map(({ pools, km, preferred }) => {
    const flows: PoolFlow[] = [];
    const arcs = new Map<string, Arc>();
    const arc = (pool: number, from: number, to: number) =>
      arcs.set(`${pool}|${from}|${to}`, { pool, from, to, km: km[(from * 10 + to) % 100] ?? 0 });
    pools.forEach(({ sources, sinkCount, extra, seed }, pool) => {
      // Units 0–4 send, 5–9 receive; each person is sent to a sink chosen by the seed.
      const demand = new Array<number>(sinkCount).fill(0);
      let draw = 0;
      sources.forEach((supply, source) => {
        for (let person = 0; person < supply; person++) {
          const sink = (seed[draw++ % seed.length] ?? 0) % sinkCount;
          demand[sink] = (demand[sink] ?? 0) + 1;
          arc(pool, source, 5 + sink);
        }
      });
      for (const [source, sink] of extra) arc(pool, source % sources.length, 5 + (sink % sinkCount));
      flows.push({
        sources: sources.map((supply, unit) => ({ unit, supply, feeds: [] })),
        sinks: demand.flatMap((count, sink) =>
          count > 0 ? [{ arrival: sink, unit: 5 + sink, demand: count }] : [],
        ),
      });
    });
    const map = new Map<number, Map<number, number>>();
    for (const [from, to, times] of preferred) map.set(from % 5, new Map([[5 + (to % 5), times]]));
    return { flows, arcs: [...arcs.values()], preferred: map };
  });

/** Column per arc used by the flows, a second per preferred arc, rows per source and arrival. */
function referenceModel(problem: Problem) {
  const used = problem.arcs.filter(
    (arc) =>
      problem.flows[arc.pool]?.sources.some((source) => source.unit === arc.from) &&
      problem.flows[arc.pool]?.sinks.some((sink) => sink.unit === arc.to),
  );
  const columns = used.flatMap((arc) => {
    const times = problem.preferred.get(arc.from)?.get(arc.to) ?? 0;
    return [
      { arc, upper: Infinity, preferred: false },
      ...(times > 0 ? [{ arc, upper: times, preferred: true }] : []),
    ];
  });
  return columns;
}

/** HiGHS's LP, lexicographic: the most preferred pairs, then the least kilometres among those plans. */
async function reference(problem: Problem): Promise<{ preferred: number; km: number }> {
  const highs = await loadHighs();
  const columns = referenceModel(problem);
  const solve = (costs: number[], rows: Array<{ upper: number; coefficients: number[] }>) => {
    const builder = new LpBuilder();
    columns.forEach((column, index) => builder.addCol(costs[index] ?? 0, 0, column.upper, false));
    // Each source sends its supply, each arrival takes its demand: one equality row per unit of a pool.
    const exactly = (amount: number, on: (arc: Arc) => boolean) => {
      const at = columns.flatMap((column, index) => (on(column.arc) ? [index] : []));
      builder.addRow(
        amount,
        amount,
        at,
        at.map(() => 1),
      );
    };
    problem.flows.forEach(({ sources, sinks }, pool) => {
      for (const { unit, supply } of sources)
        exactly(supply, (arc) => arc.pool === pool && arc.from === unit);
      for (const { unit, demand } of sinks) exactly(demand, (arc) => arc.pool === pool && arc.to === unit);
    });
    for (const row of rows)
      builder.addRow(
        -Infinity,
        row.upper,
        columns.map((_, i) => i),
        row.coefficients,
      );
    const model = highs.createModel(builder.build());
    try {
      model.options.set({ ...SESSION_OPTIONS, presolve: "off" });
      expect(model.run().modelStatus).toBe(7);
      return model.getObjectiveValue();
    } finally {
      model.dispose();
    }
  };
  const preferredCosts = columns.map((column) => (column.preferred ? -1 : 0));
  const most = -solve(preferredCosts, []);
  const km = solve(
    columns.map((column) => column.arc.km),
    [{ upper: -most + 1e-9, coefficients: preferredCosts }],
  );
  return { preferred: most, km };
}

function preferredUsed(problem: Problem, transfers: readonly Transfer[]): number {
  return transfers.reduce(
    (sum, t) => sum + Math.min(t.count, problem.preferred.get(t.from)?.get(t.to) ?? 0),
    0,
  );
}

describe("the least-kilometre pairing (network simplex)", () => {
  it("pairs every departure and arrival with HiGHS's most preferred pairs and least kilometres", async () => {
    await fc.assert(
      fc.asyncProperty(problems, async (problem) => {
        const transfers = pairAtLeastCost(problem.flows, problem.arcs, Infinity, problem.preferred);
        expect(transfers).not.toBeNull();
        // Every source sends its supply and every arrival gets its demand, over offered arcs only.
        problem.flows.forEach(({ sources, sinks }, pool) => {
          const here = (transfers ?? []).filter((t) => t.pool === pool);
          for (const source of sources)
            expect(here.filter((t) => t.from === source.unit).reduce((s, t) => s + t.count, 0)).toBe(
              source.supply,
            );
          for (const sink of sinks)
            expect(here.filter((t) => t.to === sink.unit).reduce((s, t) => s + t.count, 0)).toBe(sink.demand);
        });
        for (const t of transfers ?? []) {
          expect(Number.isInteger(t.count) && t.count > 0).toBe(true);
          expect(problem.arcs.some((a) => a.pool === t.pool && a.from === t.from && a.to === t.to)).toBe(
            true,
          );
        }
        const best = await reference(problem);
        const km = (transfers ?? []).reduce(
          (sum, t) =>
            sum +
            t.count *
              (problem.arcs.find((a) => a.pool === t.pool && a.from === t.from && a.to === t.to)?.km ?? 0),
          0,
        );
        expect(preferredUsed(problem, transfers ?? [])).toBe(Math.round(best.preferred) + 0);
        // Kilometres are priced in centimetres: off by at most one per person.
        const people = (transfers ?? []).reduce((sum, t) => sum + t.count, 0);
        expect(Math.abs(km - best.km)).toBeLessThanOrEqual(people * 1e-5 + 1e-9);
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });
});
