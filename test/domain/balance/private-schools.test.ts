import { describe, expect, it } from "vitest";
import { planTransfers } from "../../../src/domain/balance/index.ts";
import { makeInput, makeUnit, nip } from "./builders.ts";

/** Two SDs, one state and one private (issue 29), and an SMP with `spare` IPA teachers to give. */
function district(needs: { state: number; private: number }, spare: number) {
  return makeInput({
    version: 2,
    units: [
      makeUnit({ id: "SMP", lon: 140.4 }),
      makeUnit({ id: "SDN", lon: 140.42 }),
      // The private school is the nearer one: distance must not decide.
      makeUnit({ id: "SDS", lon: 140.401, private: true }),
    ],
    compatibility: [{ from: "GURU_IPA", to: "GURU_KELAS" }],
    demand: [
      { unit: "SDN", role: "GURU_KELAS", hours: needs.state },
      { unit: "SDS", role: "GURU_KELAS", hours: needs.private },
    ],
    employees: Array.from({ length: spare }, (_, i) => ({
      id: nip(i + 1),
      unit: "SMP",
      role: "GURU_IPA",
      hours: 24,
      movable: true,
    })),
  });
}

describe("private schools in the plan: state schools first at equal or worse shortfall", () => {
  it("at equal shortfall the state SD gets the teacher; the next goes where the shortfall is then worse", async () => {
    const one = await planTransfers(district({ state: 48, private: 48 }, 1));
    expect(one.moves.map((m) => m.to)).toEqual(["SDN"]);
    expect(one.metrics.tiersProven).toEqual([1, 2, 3, 4]);
    // After one, the state SD misses half its need and the private one all of it: the private one next.
    const two = await planTransfers(district({ state: 48, private: 48 }, 2));
    expect(two.moves.map((m) => m.to).sort()).toEqual(["SDN", "SDS"]);
    // A state SD short as deep as the private one keeps the teacher, however near the private one is.
    const deep = await planTransfers(district({ state: 96, private: 48 }, 1));
    expect(deep.moves.map((m) => m.to)).toEqual(["SDN"]);
  });

  it("a private school far shorter than the state one is helped first", async () => {
    // The private SD has nobody for 96 JP; the state SD misses 24 of 96: the deeper need comes first.
    const deeper = await planTransfers(
      makeInput({
        ...district({ state: 96, private: 96 }, 1),
        employees: [
          ...district({ state: 96, private: 96 }, 1).employees,
          ...[1, 2, 3].map((i) => ({
            id: nip(10 + i),
            unit: "SDN",
            role: "GURU_KELAS",
            hours: 24,
            movable: false,
          })),
        ],
      }),
    );
    expect(deeper.moves.map((m) => m.to)).toEqual(["SDS"]);
  });

  it("a private SD's only class teacher may leave for a state SD with none, and the MILP proves it", async () => {
    // The private SD misses 96 of 120 JP (80 %), the state SD all of its 96. The teacher's 24 JP weigh 8
    // an hour at the state SD and 4 at the private one (its last quarter, halved): the move pays. It
    // drains the private SD past three quarters of its need, which the network allows (a private
    // school's weights are halved) but a "needed" row of the MILP did not: its kilometre model was
    // infeasible at the moves plan, and the kilometre tier went unproven.
    const input = makeInput({
      version: 2,
      units: [makeUnit({ id: "SDN", lon: 140.42 }), makeUnit({ id: "SDS", lon: 140.4, private: true })],
      demand: [
        { unit: "SDN", role: "GURU_KELAS", hours: 96 },
        { unit: "SDS", role: "GURU_KELAS", hours: 120 },
      ],
      employees: [{ id: nip(1), unit: "SDS", role: "GURU_KELAS", hours: 24, movable: true }],
    });
    for (const options of [{}, { flow: false }]) {
      const plan = await planTransfers(input, options);
      expect(plan.moves.map((move) => `${move.from}→${move.to}`)).toEqual(["SDS→SDN"]);
      expect(plan.metrics.tiersProven).toEqual([1, 2, 3, 4]);
      expect(plan.metrics.km).toBeCloseTo(2.2, 1);
    }
  });
});
