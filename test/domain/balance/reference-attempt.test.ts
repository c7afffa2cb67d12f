import { describe, expect, it } from "vitest";
import { planTransfers, type PlanInFlight, type PlanInput } from "../../../src/domain/balance/index.ts";
import { referenceAttempt } from "../../../src/domain/balance/held-moves.ts";
import { keepWhatFits } from "../../../src/domain/balance/held-search.ts";
import { east, makeDemand, makeEmployee, makeInput, makeUnit, nip } from "./builders.ts";

/** SMP1 with three interchangeable IPA teachers to spare, SD1 and SD2 each short of one class teacher. */
function district(volunteer: boolean): PlanInput {
  const origin = { lat: -8.4, lon: 140.4 };
  return makeInput({
    version: 2,
    units: [
      makeUnit({ id: "SMP1", ...origin }),
      makeUnit({ id: "SD1", ...east(origin.lat, origin.lon, 5) }),
      makeUnit({ id: "SD2", ...east(origin.lat, origin.lon, 12) }),
    ],
    demand: [
      makeDemand("SMP1", "GURU_IPA", 0),
      makeDemand("SD1", "GURU_KELAS", 24),
      makeDemand("SD2", "GURU_KELAS", 24),
    ],
    employees: [
      makeEmployee({ id: nip(1), name: "A", unit: "SMP1", role: "GURU_IPA", volunteer }),
      makeEmployee({ id: nip(2), name: "B", unit: "SMP1", role: "GURU_IPA" }),
      makeEmployee({ id: nip(3), name: "C", unit: "SMP1", role: "GURU_IPA" }),
    ],
    compatibility: [{ from: "GURU_IPA", to: "GURU_KELAS" }],
    policy: { maxMovesPerUnit: null, maxDistanceKm: 30 },
  });
}

describe("the reference as the answer of a plan in flight (held-moves.ts)", () => {
  // The reference sends A to SD1 and B to SD2, where B's pending proposal is SD1.
  async function week(volunteer: boolean) {
    const input = district(volunteer);
    const plan = await planTransfers(input);
    const reason = (to: string) => plan.moves.find((move) => move.to === to)?.reason ?? "";
    const moves = [
      { employee: nip(1), from: "SMP1", to: "SD1", role: "GURU_KELAS", reason: reason("SD1") },
      { employee: nip(2), from: "SMP1", to: "SD2", role: "GURU_KELAS", reason: reason("SD2") },
    ];
    const pending: PlanInFlight = { employee: nip(2), to: "SD1", role: "GURU_KELAS", state: "pending" };
    return { input, reference: { ...plan, moves }, moves, pending };
  }

  it("holds a pending move the reference gives to an interchangeable person, by swapping the two", async () => {
    const { input, reference, moves, pending } = await week(false);
    const attempt = referenceAttempt(reference, input, [pending]);
    expect(attempt.held).toEqual([pending]);
    // A takes B's place in the reference's other move, with its reason; nobody moves twice.
    expect(attempt.plan.moves).toEqual([{ ...moves[1], employee: nip(1) }]);
  });

  it("does not swap them when they said different things (one is a volunteer)", async () => {
    const { input, reference, moves, pending } = await week(true);
    const attempt = referenceAttempt(reference, input, [pending]);
    expect(attempt.held).toEqual([]);
    expect(attempt.plan.moves).toEqual(moves);
  });

  it("is the search's answer at once when time is short, with no plan solved again", async () => {
    const { input, reference, moves, pending } = await week(false);
    const worse = { ...reference, metrics: { ...reference.metrics, unmetAfter: 1_000 } };
    let solved = 0;
    const attempt = await keepWhatFits({ held: [pending], plan: worse }, reference, [pending], {
      current: input,
      fits: () => true,
      solveHolding: () => {
        solved++;
        return Promise.reject(new Error("no plan may be solved when time is short"));
      },
      late: () => true,
    });
    expect(solved).toBe(0);
    expect(attempt.held).toEqual([pending]);
    expect(attempt.plan.moves).toEqual([{ ...moves[1], employee: nip(1) }]);
  });
});
