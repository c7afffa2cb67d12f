// Moves a plan can do without (output/spare-moves.ts): undone while unmet hours and severity stay as
// they are, kept where undoing one would shift a shortage somewhere it weighs more.
import { describe, expect, it } from "vitest";
import { buildInstance } from "../../../src/domain/balance/index.ts";
import { evaluateMoves } from "../../../src/domain/balance/output/evaluate.ts";
import { withoutSpareMoves } from "../../../src/domain/balance/output/spare-moves.ts";
import { makeDemand, makeEmployee, makeInput, makeUnit, nip } from "./builders.ts";

function district() {
  return buildInstance(
    makeInput({
      version: 2,
      units: ["SMP1", "SMP2", "SD1", "SD2", "SD3"].map((id) => makeUnit({ id })),
      demand: [
        makeDemand("SMP1", "GURU_IPA", 24),
        makeDemand("SMP2", "GURU_IPA", 48),
        makeDemand("SD1", "GURU_KELAS", 24),
        makeDemand("SD2", "GURU_KELAS", 24),
        makeDemand("SD3", "GURU_KELAS", 96),
      ],
      employees: [
        ...[1, 2, 3].map((n) => makeEmployee({ id: nip(n), unit: "SMP1", role: "GURU_IPA" })),
        ...[4, 5].map((n) => makeEmployee({ id: nip(n), unit: "SMP2", role: "GURU_IPA" })),
        makeEmployee({ id: nip(6), unit: "SD1", role: "GURU_KELAS", movable: false }),
      ],
      compatibility: [{ from: "GURU_IPA", to: "GURU_KELAS" }],
    }),
  );
}

describe("moves a plan can do without", () => {
  it("undoes a move to a place already full, and keeps the ones a shortage needs", () => {
    const instance = district();
    const unit = (id: string) => instance.unitIndex.get(id) ?? -1;
    const person = (n: number) => instance.input.employees.findIndex((row) => row.id === nip(n));
    const role = instance.roleIndex.get("GURU_KELAS") ?? -1;
    const moves = [
      // SD1 has its class teacher: this one is spare.
      { employee: person(1), to: unit("SD1"), role },
      { employee: person(2), to: unit("SD2"), role },
      // SMP2 is left half short for SD3, three quarters short without it: undone, as many hours unmet,
      // but deeper in SD3's need, so more severity.
      { employee: person(4), to: unit("SD3"), role },
    ];
    const kept = withoutSpareMoves(instance, moves);
    expect(kept).toEqual(moves.slice(1));
    const before = evaluateMoves(instance, moves).after;
    const after = evaluateMoves(instance, kept).after;
    expect(after.unmet).toBe(before.unmet);
    expect(after.severity).toBe(before.severity);
  });
});
