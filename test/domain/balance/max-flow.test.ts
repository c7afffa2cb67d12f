import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pairSupplies } from "../../../src/domain/balance/exact/max-flow.ts";

/** A small transportation feasibility problem: some sources reach every sink (null), some a subset. */
const problem = fc
  .record({
    supplies: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 6 }),
    demands: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 6 }),
    seed: fc.array(fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), { minLength: 6, maxLength: 6 }),
    everywhere: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  })
  .map(({ supplies, demands, seed, everywhere }) => ({
    supplies,
    demands,
    links: supplies.map((_, source) =>
      everywhere[source] ? null : demands.flatMap((_, sink) => (seed[source]?.[sink] ? [sink] : [])),
    ),
  }));

const reachedBy = (
  links: ReadonlyArray<readonly number[] | null>,
  demands: readonly number[],
  source: number,
) => links[source] ?? demands.map((_, sink) => sink);

/** Hall's condition by brute force: every set of sources sends no more than the sinks it reaches take. */
function hallHolds(
  supplies: readonly number[],
  demands: readonly number[],
  links: ReadonlyArray<readonly number[] | null>,
) {
  for (let subset = 1; subset < 1 << supplies.length; subset++) {
    const members = supplies.flatMap((_, source) => ((subset >> source) & 1 ? [source] : []));
    const sent = members.reduce((sum, source) => sum + (supplies[source] ?? 0), 0);
    const sinks = new Set(members.flatMap((source) => reachedBy(links, demands, source)));
    const taken = [...sinks].reduce((sum, sink) => sum + (demands[sink] ?? 0), 0);
    if (sent > taken) return false;
  }
  return true;
}

describe("pairing supplies with demands by max flow (max-flow.ts)", () => {
  it("pairs only over allowed links, within supply and demand, and says when Hall's condition fails", () => {
    fc.assert(
      fc.property(problem, ({ supplies, demands, links }) => {
        const pairing = pairSupplies(supplies, demands, links);
        const sent = supplies.map(() => 0);
        const taken = demands.map(() => 0);
        for (const [source, sink, count] of pairing.flows) {
          expect(reachedBy(links, demands, source)).toContain(sink);
          expect(count).toBeGreaterThan(0);
          sent[source] = (sent[source] ?? 0) + count;
          taken[sink] = (taken[sink] ?? 0) + count;
        }
        sent.forEach((count, source) => expect(count).toBeLessThanOrEqual(supplies[source] ?? 0));
        taken.forEach((count, sink) => expect(count).toBeLessThanOrEqual(demands[sink] ?? 0));
        const feasible = hallHolds(supplies, demands, links);
        expect(pairing.deficientSources === null).toBe(feasible);
        if (pairing.deficientSources === null) expect(sent).toEqual(supplies);
        else {
          // The deficient sources together send more than every sink they reach takes.
          const members = pairing.deficientSources;
          const total = members.reduce((sum, source) => sum + (supplies[source] ?? 0), 0);
          const sinks = new Set(members.flatMap((source) => reachedBy(links, demands, source)));
          expect(total).toBeGreaterThan([...sinks].reduce((sum, sink) => sum + (demands[sink] ?? 0), 0));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("a source that reaches every sink, at the hub or linked to each sink, gives the same cut", () => {
    fc.assert(
      fc.property(problem, ({ supplies, demands, links }) => {
        const spelled = links.map((_, source) => [...reachedBy(links, demands, source)]);
        expect(pairSupplies(supplies, demands, links).deficientSources).toEqual(
          pairSupplies(supplies, demands, spelled).deficientSources,
        );
      }),
      { numRuns: 500 },
    );
  });
});
