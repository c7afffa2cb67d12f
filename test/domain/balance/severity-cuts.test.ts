import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildInstance,
  parsePlanInput,
  severityOf,
  type PlanInput,
} from "../../../src/domain/balance/index.ts";
import { buildModel } from "../../../src/domain/balance/exact/milp-model.ts";
import { buildNetwork } from "../../../src/domain/balance/exact/pool-network.ts";
import { severityTailCuts } from "../../../src/domain/balance/exact/severity-columns.ts";
import { fillShortages } from "../../../src/domain/balance/exact/shortage-values.ts";
import { makeInput, makeRole, makeUnit, nip } from "./builders.ts";

/** Three units close together, mixed hours (12, 18, 24, as in the districts) and needs of a few people. */
function districts(): fc.Arbitrary<PlanInput> {
  return fc
    .record({
      people: fc.array(
        fc.record({
          unit: fc.nat(2),
          role: fc.constantFrom("A", "B"),
          hours: fc.constantFrom(12, 18, 24, 24),
        }),
        { minLength: 4, maxLength: 9 },
      ),
      demand: fc.array(fc.constantFrom(0, 12, 24, 30, 40, 48, 72, 96, 120), { minLength: 6, maxLength: 6 }),
      compatible: fc.boolean(),
    })
    .map((raw) =>
      makeInput({
        version: 2,
        units: [0, 1, 2].map((index) => makeUnit({ id: `U${index}`, lat: -8.4 + index / 111.2 })),
        roles: ["A", "B"].map((id) => makeRole({ id })),
        compatibility: raw.compatible ? [{ from: "A", to: "B" }] : [],
        employees: raw.people.map((person, index) => ({
          ...person,
          id: nip(index + 1),
          name: "Pegawai",
          unit: `U${person.unit}`,
          movable: true,
        })),
        demand: raw.demand.map((hours, index) => ({
          unit: `U${index % 3}`,
          role: index < 3 ? "A" : "B",
          hours,
        })),
        policy: { maxMovesPerUnit: null, maxDistanceKm: null, maxMoves: null },
      }),
    );
}

function activity(columns: readonly number[], coefficients: readonly number[], values: Float64Array): number {
  return columns.reduce((sum, column, index) => sum + (coefficients[index] ?? 0) * (values[column] ?? 0), 0);
}

describe("rounding cuts on the severity tails", () => {
  it("hold at every whole-person plan, with its exact shortages and severity", () => {
    fc.assert(
      fc.property(districts(), fc.array(fc.nat(3), { minLength: 60, maxLength: 60 }), (input, draws) => {
        const instance = buildInstance(parsePlanInput(input));
        const network = buildNetwork(instance);
        const model = buildModel(instance, network, { kind: "hall" });
        const cuts = severityTailCuts(instance, model.keyTerms, model.severity).flat();
        const integers = model.feedCount + model.arrivalCount;
        const values = new Float64Array(model.data.numCols);
        for (let column = 0; column < integers; column++)
          values[column] = Math.min(draws[column % draws.length] ?? 0, model.data.colUpper[column] ?? 0);
        fillShortages(instance, network, model, values);
        // Only points the shortage columns can represent (no shortage beyond the demand) are plans.
        const representable = model.shortageKeys.every(
          (key, index) => (values[model.shortageStart + index] ?? 0) <= (instance.demand[key] ?? 0) + 1e-9,
        );
        fc.pre(representable);
        // The parts hold exactly the severity of each shortage, as in every optimal solution.
        const parts = model.severity.columns.reduce(
          (sum, column, index) => sum + (model.severity.weights[index] ?? 0) * (values[column] ?? 0),
          0,
        );
        const exact = model.shortageKeys.reduce(
          (sum, key, index) =>
            sum + severityOf(values[model.shortageStart + index] ?? 0, instance.demand[key] ?? 0),
          0,
        );
        expect(parts).toBeCloseTo(exact, 6);
        for (const cut of cuts)
          expect(activity(cut.columns, cut.coefficients, values)).toBeLessThanOrEqual(cut.upper + 1e-7);
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  it("cut off half a teacher where mixed hours put a breakpoint no plan reaches", () => {
    // Need 30 h, one teacher of 24 h and one of 18 h nearby: shortage 30, 12, 6 or 0. Half the 24-h
    // teacher leaves 18 h, a breakpoint of the 6-h lattice, and the parts price it as if a plan could.
    const input = makeInput({
      version: 2,
      units: [makeUnit({ id: "U0" }), makeUnit({ id: "U1", lat: -8.41 })],
      roles: [makeRole({ id: "A" })],
      employees: [24, 18].map((hours, index) => ({
        id: nip(index + 1),
        name: "Pegawai",
        unit: "U1",
        role: "A",
        hours,
        movable: true,
      })),
      demand: [{ unit: "U0", role: "A", hours: 30 }],
      policy: { maxMovesPerUnit: null, maxDistanceKm: null, maxMoves: null },
    });
    const instance = buildInstance(parsePlanInput(input));
    const network = buildNetwork(instance);
    const model = buildModel(instance, network, { kind: "hall" });
    const cuts = severityTailCuts(instance, model.keyTerms, model.severity).flat();
    const values = new Float64Array(model.data.numCols);
    network.feeds.forEach((feed, column) => {
      if (network.pools[feed.pool]?.hours === 24) values[column] = 0.5;
    });
    network.arrivals.forEach((arrival, index) => {
      if (network.pools[arrival.pool]?.hours === 24) values[model.feedCount + index] = 0.5;
    });
    fillShortages(instance, network, model, values);
    const violated = cuts.filter((cut) => activity(cut.columns, cut.coefficients, values) > cut.upper + 1e-7);
    expect(violated.length).toBeGreaterThan(0);
  });
});
