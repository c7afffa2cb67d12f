import { describe, expect, it } from "vitest";
import { planTransfers, severityOf, type PlanInput } from "../../../src/domain/balance/index.ts";
import {
  east,
  expectConsistent,
  makeDemand,
  makeEmployee,
  makeInput,
  makeUnit,
  nip,
  violations,
} from "./builders.ts";

const SALOR = { lat: -8.4, lon: 140.4 };
const at = (km: number) => east(SALOR.lat, SALOR.lon, km);
const IPA_FILLS_KELAS = [{ from: "GURU_IPA", to: "GURU_KELAS" }];

function teachers(unit: string, count: number, role = "GURU_KELAS", from = 1) {
  return Array.from({ length: count }, (_, index) =>
    makeEmployee({ id: nip(from + index), unit, role, movable: false, why: "tenure" }),
  );
}

/**
 * The demo's weekly check: SD 4 and SD 10 have three class teachers for six rombel (200 % load); SD 1,
 * SD 2 and SD 3 are at 109–117 %. An SMP 5 km from the mild ones and 40 km from the worst has three
 * spare science teachers and may give three.
 */
function salorWeek(version: 1 | 2): PlanInput {
  const input = makeInput({
    version,
    units: [
      makeUnit({ id: "SMPN-01", ...at(0) }),
      makeUnit({ id: "SDN-01", ...at(5) }),
      makeUnit({ id: "SDN-02", ...at(-5) }),
      makeUnit({ id: "SDN-03", ...at(6) }),
      makeUnit({ id: "SDN-04", ...at(40) }),
      makeUnit({ id: "SDN-10", ...at(-40) }),
    ],
    demand: [
      makeDemand("SMPN-01", "GURU_IPA", 72),
      makeDemand("SDN-01", "GURU_KELAS", 12 * 24),
      makeDemand("SDN-02", "GURU_KELAS", 12 * 24),
      makeDemand("SDN-03", "GURU_KELAS", 7 * 24),
      makeDemand("SDN-04", "GURU_KELAS", 6 * 24),
      makeDemand("SDN-10", "GURU_KELAS", 6 * 24),
    ],
    employees: [
      ...Array.from({ length: 6 }, (_, index) =>
        makeEmployee({ id: nip(900 + index), unit: "SMPN-01", role: "GURU_IPA" }),
      ),
      ...teachers("SDN-01", 11, "GURU_KELAS", 100),
      ...teachers("SDN-02", 11, "GURU_KELAS", 200),
      ...teachers("SDN-03", 6, "GURU_KELAS", 300),
      ...teachers("SDN-04", 3, "GURU_KELAS", 400),
      ...teachers("SDN-10", 3, "GURU_KELAS", 500),
    ],
    compatibility: IPA_FILLS_KELAS,
    policy: { maxMovesPerUnit: 3, maxDistanceKm: 120 },
  });
  // Version 1 has no `why`.
  if (version === 1) input.employees = input.employees.map(({ why: _, ...employee }) => employee);
  return input;
}

async function solve(input: PlanInput) {
  const plan = await planTransfers(input);
  expect(violations(input, plan.moves)).toEqual([]);
  expectConsistent(input, plan);
  return plan;
}

const destinations = (plan: { moves: Array<{ to: string }> }) => plan.moves.map((move) => move.to).sort();

describe("plan format v2", () => {
  it("helps the 200 % schools first where v1 helps the nearest 109 % ones, at the same unmet hours", async () => {
    const v1 = await solve(salorWeek(1));
    const v2 = await solve(salorWeek(2));
    expect(destinations(v1)).toEqual(["SDN-01", "SDN-02", "SDN-03"]);
    expect(v2.metrics.unmetAfter).toBe(v1.metrics.unmetAfter);
    expect(new Set(destinations(v2))).toEqual(new Set(["SDN-04", "SDN-10"]));
    expect(v2.metrics.severityAfter).toBeLessThan(v1.metrics.severityAfter);
    expect(v2.metrics.worstShareBefore).toBe(0.5);
    expect(v2.metrics.worstShareAfter).toBeCloseTo(48 / 144, 5);
    expect(v1.metrics.worstShareAfter).toBe(0.5);
    expect(v1.metrics.tiersProven).toEqual([1, 2, 3]);
    expect(v2.metrics).toMatchObject({ optimal: true, tiersProven: [1, 2, 3, 4], moves: 3 });
  });

  it("measures severity with weights 1, 2, 4, 8 per quarter of the need", async () => {
    expect(severityOf(0, 96)).toBe(0);
    expect(severityOf(24, 96)).toBe(24);
    expect(severityOf(48, 96)).toBe(24 + 48);
    expect(severityOf(96, 96)).toBe(24 * 15);
    expect(severityOf(10, 0)).toBe(0);
    const plan = await solve(salorWeek(2));
    // Before: SD 1 and SD 2 24 of 288, SD 3 24 of 168, SD 4 and SD 10 72 of 144 (36 + 2·36 each).
    expect(plan.metrics.severityBefore).toBe(24 + 24 + 24 + 108 + 108);
  });

  it("lets a school with no teacher receive more than a school may lose (maxMovesInPerUnit, maxMovesOutPerUnit)", async () => {
    const input = makeInput({
      version: 2,
      units: [
        makeUnit({ id: "SDN-05", ...at(0) }),
        makeUnit({ id: "SMPN-01", ...at(5) }),
        makeUnit({ id: "SMPN-02", ...at(8) }),
        makeUnit({ id: "SMPN-03", ...at(10) }),
      ],
      demand: [makeDemand("SDN-05", "GURU_KELAS", 96)],
      employees: ["SMPN-01", "SMPN-02", "SMPN-03"].flatMap((unit, index) =>
        [0, 1].map((n) => makeEmployee({ id: nip(10 * index + n + 1), unit, role: "GURU_IPA" })),
      ),
      compatibility: IPA_FILLS_KELAS,
      policy: { maxMovesPerUnit: null, maxMovesInPerUnit: 4, maxMovesOutPerUnit: 1 },
    });
    const plan = await solve(input);
    expect(plan.metrics).toMatchObject({ unmetAfter: 24, moves: 3, optimal: true });
    expect(new Set(plan.moves.map((move) => move.from))).toEqual(new Set(["SMPN-01", "SMPN-02", "SMPN-03"]));
    const capped = await solve({ ...input, policy: { ...input.policy, maxMovesInPerUnit: 2 } });
    expect(capped.metrics).toMatchObject({ unmetAfter: 48, moves: 2 });
  });

  it("moves a teacher from a short school to a much shorter one at the same unmet hours", async () => {
    const input = makeInput({
      version: 2,
      units: [makeUnit({ id: "SDN-01", ...at(0) }), makeUnit({ id: "SDN-05", ...at(10) })],
      demand: [makeDemand("SDN-01", "GURU_KELAS", 96), makeDemand("SDN-05", "GURU_KELAS", 96)],
      employees: [1, 2, 3].map((n) => makeEmployee({ id: nip(n), unit: "SDN-01", role: "GURU_KELAS" })),
    });
    const v2 = await solve(input);
    expect(v2.moves.map((move) => [move.from, move.to])).toEqual([["SDN-01", "SDN-05"]]);
    expect(v2.metrics).toMatchObject({ unmetBefore: 120, unmetAfter: 120, severityBefore: 384 });
    expect(v2.metrics.severityAfter).toBe(72 + 168);
    const v1 = await solve({ ...input, version: 1 });
    expect(v1.moves).toEqual([]);
  });
});
