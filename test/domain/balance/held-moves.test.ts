import { describe, expect, it } from "vitest";
import { suspects } from "../../../src/domain/balance/held-moves.ts";
import type { Plan, PlanInFlight, PlanMove } from "../../../src/domain/balance/index.ts";
import { makeEmployee, makeInput, nip } from "./builders.ts";

/** What `suspects` reads of a plan: each need's demand and capacity after it, and its new moves. */
function plan(loads: Record<string, [demand: number, after: number]>, moves: PlanMove[] = []): Plan {
  const units = Object.entries(loads).map(([unit, [demand, capacityAfter]]) => ({
    unit,
    roles: [{ role: unit.startsWith("SD") ? "GURU_KELAS" : "GURU_IPA", demand, capacityAfter }],
  }));
  return { units, moves } as unknown as Plan;
}

const people = ["A", "B", "C", "D"].map((name, index) =>
  makeEmployee({ id: nip(900 + index), name, unit: index < 2 ? "SMP1" : "SMP2", role: "GURU_IPA" }),
);
const input = makeInput({ version: 2, employees: people });
const held: PlanInFlight[] = [
  { employee: nip(900), to: "SD1", role: "GURU_KELAS", state: "pending" },
  { employee: nip(901), to: "SD2", role: "GURU_KELAS", state: "pending" },
  { employee: nip(902), to: "SD3", role: "GURU_KELAS", state: "pending" },
];
const names = (found: Set<PlanInFlight>) =>
  [...found].map((move) => people.find((row) => row.id === move.employee)?.name);

describe("the held moves that may make a plan worse than the reference (held-moves.ts)", () => {
  it("a place left with a surplus where the reference leaves less; not one the reference filled elsewhere", () => {
    // SD1 took on a teacher: A's move leaves 12 JP over where the reference leaves 12 short. SD2 is
    // exactly filled by B, where the reference chose another school of equal need and left it short.
    const holding = plan({ SMP1: [24, 24], SMP2: [48, 48], SD1: [48, 60], SD2: [24, 24], SD3: [24, 24] });
    const reference = plan({ SMP1: [24, 24], SMP2: [48, 48], SD1: [48, 36], SD2: [24, 0], SD3: [24, 24] });
    expect(names(suspects(holding, reference, held, input))).toEqual(["A"]);
  });

  it("an origin left short that the reference keeps whole, unless the plan's own new move took it", () => {
    // Someone left SMP2 since: with C's move held it is 24 short; the reference keeps C there.
    const holding = plan({ SMP1: [24, 24], SMP2: [48, 24], SD1: [48, 48], SD2: [24, 24], SD3: [24, 24] });
    const reference = plan({ SMP1: [24, 24], SMP2: [48, 48], SD1: [48, 48], SD2: [24, 24], SD3: [24, 0] });
    expect(names(suspects(holding, reference, held, input))).toEqual(["C"]);
    // The same shortage, made by the plan sending D on from SMP2: the plan's choice, not C's move.
    const sendingD = plan({ SMP1: [24, 24], SMP2: [48, 24], SD1: [48, 48], SD2: [24, 24], SD3: [24, 24] }, [
      { employee: nip(903), from: "SMP2", to: "SD4", role: "GURU_KELAS", reason: "" },
    ]);
    expect(names(suspects(sendingD, reference, held, input))).toEqual([]);
  });

  it("as many at a place as the difference takes, newest first", () => {
    const both: PlanInFlight[] = [
      { employee: nip(900), to: "SD1", role: "GURU_KELAS", state: "pending" },
      { employee: nip(901), to: "SD1", role: "GURU_KELAS", state: "pending" },
    ];
    // Two held moves to SD1, 12 over where the reference leaves 12 short: one is suspect, B (newer).
    const holding = plan({ SMP1: [0, 0], SD1: [60, 72] });
    const reference = plan({ SMP1: [0, 0], SD1: [60, 48] });
    expect(names(suspects(holding, reference, both, input))).toEqual(["B"]);
  });
});
