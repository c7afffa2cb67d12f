import { describe, expect, it } from "vitest";
import { planTransfers, type PlanInput } from "../../../src/domain/balance/index.ts";
import { east, makeDemand, makeEmployee, makeInput, makeUnit } from "./builders.ts";

/** SMP1 beside SD1 and SMP2 beside SD2, 30 km apart; each SMP has a teacher to spare, each SD needs one. */
function twoPairs(maxDistanceKm = 60): PlanInput {
  const west = { lat: -8.4, lon: 140.4 };
  return makeInput({
    version: 2,
    units: [
      makeUnit({ id: "SMP1", ...west }),
      makeUnit({ id: "SD1", ...east(west.lat, west.lon, 2) }),
      makeUnit({ id: "SMP2", ...east(west.lat, west.lon, 30) }),
      makeUnit({ id: "SD2", ...east(west.lat, west.lon, 32) }),
    ],
    demand: [
      makeDemand("SMP1", "GURU_IPA", 24),
      makeDemand("SMP2", "GURU_IPA", 24),
      makeDemand("SD1", "GURU_KELAS", 24),
      makeDemand("SD2", "GURU_KELAS", 24),
    ],
    employees: ["SMP1", "SMP1", "SMP2", "SMP2"].map((unit) => makeEmployee({ unit, role: "GURU_IPA" })),
    compatibility: [{ from: "GURU_IPA", to: "GURU_KELAS" }],
    // A cap, as the product's default: the MILP plans (the flow core pairs by its own network).
    policy: { maxMovesPerUnit: 3, maxDistanceKm },
  });
}

const routes = (plan: { moves: Array<{ from: string; to: string }> }) =>
  plan.moves.map((move) => `${move.from}→${move.to}`).sort();

describe("preferred pairs: the pairing makes them first where the plan's counts allow", () => {
  const options = { flow: false, kilometres: false } as const;

  it("pairs at least kilometres without them, and crosses over for them", async () => {
    expect(routes(await planTransfers(twoPairs(), options))).toEqual(["SMP1→SD1", "SMP2→SD2"]);
    const crossed = await planTransfers(twoPairs(), {
      ...options,
      preferredPairs: [
        { from: "SMP1", to: "SD2" },
        { from: "SMP2", to: "SD1" },
      ],
    });
    expect(routes(crossed)).toEqual(["SMP1→SD2", "SMP2→SD1"]);
    // The same counts: the earlier tiers are as they were.
    expect(crossed.metrics).toMatchObject({ unmetAfter: 0, moves: 2, tiersProven: [1, 2, 3] });
  });

  it("as often as the counts allow, and never beyond the distance bound", async () => {
    const twice = await planTransfers(twoPairs(), {
      ...options,
      preferredPairs: [
        { from: "SMP1", to: "SD2" },
        { from: "SMP1", to: "SD2" },
      ],
    });
    expect(routes(twice)).toEqual(["SMP1→SD2", "SMP2→SD1"]);
    const beyond = await planTransfers(twoPairs(20), {
      ...options,
      preferredPairs: [{ from: "SMP1", to: "SD2" }],
    });
    expect(routes(beyond)).toEqual(["SMP1→SD1", "SMP2→SD2"]);
  });
});
