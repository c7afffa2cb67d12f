import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildInstance, parsePlanInput } from "../../../src/domain/balance/index.ts";
import { distanceKm, type Instance } from "../../../src/domain/balance/input/instance.ts";
import { loadHighs } from "../../../src/domain/balance/exact/highs-runtime.ts";
import { SESSION_OPTIONS } from "../../../src/domain/balance/exact/highs-session.ts";
import { LpBuilder } from "../../../src/domain/balance/exact/lp-builder.ts";
import { pairHubs, type HubFlow } from "../../../src/domain/balance/flow/hub-pairing.ts";
import { makeInput, unitsAt } from "./builders.ts";

const UNITS = 12;

/** Twelve units within 150 km of Salor (some without coordinates) and up to three hubs among them. */
const cases = fc.record({
  places: fc.array(
    fc.option(fc.tuple(fc.integer({ min: -150, max: 150 }), fc.integer({ min: -150, max: 150 })), {
      freq: 6,
    }),
    { minLength: UNITS, maxLength: UNITS },
  ),
  hubs: fc.array(
    fc.record({
      pool: fc.nat(1),
      // Units 0–5 send, 6–11 receive; people of each sender go to receivers chosen by `to`.
      senders: fc.array(fc.tuple(fc.nat(5), fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 6 }),
      to: fc.array(fc.nat(5), { minLength: 24, maxLength: 24 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

function hubsOf(
  drawn: ReadonlyArray<{ pool: number; senders: Array<[number, number]>; to: number[] }>,
): HubFlow[] {
  return drawn.map(({ pool, senders, to }) => {
    const into = new Map<number, number>();
    const out = new Map<number, number>();
    let person = 0;
    for (const [unit, count] of senders) {
      into.set(unit, (into.get(unit) ?? 0) + count);
      for (let left = count; left > 0; left--) {
        const receiver = 6 + (to[person++ % to.length] ?? 0);
        out.set(receiver, (out.get(receiver) ?? 0) + 1);
      }
    }
    return { pool, into: [...into], out: [...out] };
  });
}

/** The reference: each hub's least-kilometre pairing over every pair, by HiGHS's LP. */
async function leastKm(instance: Instance, hubs: readonly HubFlow[]): Promise<number> {
  const highs = await loadHighs();
  let total = 0;
  for (const { into, out } of hubs) {
    const builder = new LpBuilder();
    for (const [from] of into)
      for (const [to] of out) builder.addCol(distanceKm(instance, from, to), 0, Infinity, false);
    into.forEach(([, count], i) =>
      builder.addRow(
        count,
        count,
        out.map((_, j) => i * out.length + j),
        out.map(() => 1),
      ),
    );
    out.forEach(([, count], j) =>
      builder.addRow(
        count,
        count,
        into.map((_, i) => i * out.length + j),
        into.map(() => 1),
      ),
    );
    const model = highs.createModel(builder.build());
    try {
      model.options.set({ ...SESSION_OPTIONS, presolve: "off" });
      expect(model.run().modelStatus).toBe(7);
      total += model.getObjectiveValue();
    } finally {
      model.dispose();
    }
  }
  return total;
}

describe("what the hubs carry when the flow is stopped (hub-pairing.ts)", () => {
  it("is paired whole, within its pool, at the fewest kilometres when each unit's nearest cover the hub", async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ({ places, hubs: drawn }) => {
        const units = unitsAt(places);
        const instance = buildInstance(parsePlanInput(makeInput({ units })));
        const hubs = hubsOf(drawn);
        const transfers = pairHubs(instance, hubs);
        // Every person in and out of every hub, by pool and unit, is paired once.
        const count = (side: "into" | "out") => {
          const counts = new Map<string, number>();
          for (const hub of hubs)
            for (const [unit, people] of hub[side])
              counts.set(`${hub.pool}|${unit}`, (counts.get(`${hub.pool}|${unit}`) ?? 0) + people);
          return counts;
        };
        const [sent, taken] = [new Map<string, number>(), new Map<string, number>()];
        for (const { pool, from, to, count: people } of transfers) {
          expect(people).toBeGreaterThan(0);
          sent.set(`${pool}|${from}`, (sent.get(`${pool}|${from}`) ?? 0) + people);
          taken.set(`${pool}|${to}`, (taken.get(`${pool}|${to}`) ?? 0) + people);
        }
        expect(sent).toEqual(count("into"));
        expect(taken).toEqual(count("out"));
        // At most six units a side: each unit's eight nearest are every pair, so the pairing is the optimum.
        const km = transfers.reduce((sum, t) => sum + distanceKm(instance, t.from, t.to) * t.count, 0);
        const people = hubs.reduce((sum, hub) => sum + hub.into.reduce((s, [, c]) => s + c, 0), 0);
        expect(Math.abs(km - (await leastKm(instance, hubs)))).toBeLessThanOrEqual(1e-5 * people);
      }),
      { numRuns: 200, seed: 30 },
    );
  });
});
