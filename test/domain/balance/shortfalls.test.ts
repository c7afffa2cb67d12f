import { describe, expect, it } from "vitest";
import {
  planTransfers,
  planTransfersGreedy,
  type PlanEmployee,
  type PlanInput,
} from "../../../src/domain/balance/index.ts";
import { east, makeDemand, makeEmployee, makeInput, makeUnit, nip, violations } from "./builders.ts";

const at = (km: number) => east(-8.4, 140.4, km);

/** An SD needing two class teachers and an SMP 10 km away with one science lesson load and `spare` more. */
function sdAndSmp(options: {
  spare?: number;
  smpKm?: number;
  compatible?: boolean;
  policy?: PlanInput["policy"];
  people?: (index: number) => Partial<PlanEmployee>;
}): PlanInput {
  const spare = options.spare ?? 2;
  return makeInput({
    version: 2,
    units: [makeUnit({ id: "SDN-01", ...at(0) }), makeUnit({ id: "SMPN-02", ...at(options.smpKm ?? 10) })],
    demand: [makeDemand("SDN-01", "GURU_KELAS", 48), makeDemand("SMPN-02", "GURU_IPA", 24)],
    employees: Array.from({ length: spare + 1 }, (_, index) =>
      makeEmployee({ id: nip(100 + index), unit: "SMPN-02", role: "GURU_IPA", ...options.people?.(index) }),
    ),
    compatibility: options.compatible === false ? [] : [{ from: "GURU_IPA", to: "GURU_KELAS" }],
    policy: options.policy ?? {},
  });
}

async function shortfalls(input: PlanInput) {
  const plan = await planTransfers(input);
  expect(violations(input, plan.moves)).toEqual([]);
  expect(plan.metrics.optimal).toBe(true);
  return plan.shortfalls;
}

describe("why a need is still short after the plan", () => {
  it("says nothing when every need is met", async () => {
    expect(await shortfalls(sdAndSmp({}))).toEqual([]);
  });

  it("no compatible supply: nobody anywhere whose role may fill it", async () => {
    expect(await shortfalls(sdAndSmp({ compatible: false }))).toEqual([
      { unit: "SDN-01", role: "GURU_KELAS", needHours: 48, unmetHours: 48, reason: "no_compatible_supply" },
    ]);
  });

  it("beyond the distance: the only surplus is farther than maxDistanceKm", async () => {
    const input = sdAndSmp({ smpKm: 150, policy: { maxDistanceKm: 100 } });
    expect(await shortfalls(input)).toEqual([
      { unit: "SDN-01", role: "GURU_KELAS", needHours: 48, unmetHours: 48, reason: "beyond_distance" },
    ]);
  });

  it("candidates ineligible: everyone within reach objects, is new in post or near retirement, counted by why", async () => {
    const why = ["objection", "tenure", "retirement"] as const;
    const input = sdAndSmp({ people: (index) => ({ movable: false, why: why[index] }) });
    expect(await shortfalls(input)).toEqual([
      {
        unit: "SDN-01",
        role: "GURU_KELAS",
        needHours: 48,
        unmetHours: 48,
        reason: "candidates_ineligible",
        candidates: 3,
        ineligible: { objection: 1, tenure: 1, retirement: 1 },
      },
    ]);
  });

  it("candidates ineligible at several origins: summed over those within reach, reasons in the order of the people", async () => {
    const ipa = (id: number, unit: string, why: PlanEmployee["why"]) =>
      makeEmployee({ id: nip(id), unit, role: "GURU_IPA", movable: false, why });
    const input = makeInput({
      version: 2,
      units: [
        makeUnit({ id: "SDN-01", ...at(0) }),
        makeUnit({ id: "SMPN-02", ...at(10) }),
        makeUnit({ id: "SMPN-03", ...at(20) }),
        makeUnit({ id: "SMPN-04", ...at(150) }),
      ],
      demand: [
        makeDemand("SDN-01", "GURU_KELAS", 48),
        makeDemand("SMPN-02", "GURU_IPA", 24),
        makeDemand("SMPN-03", "GURU_IPA", 24),
      ],
      // SMPN-03's people come first in the file, SMPN-04's are beyond the distance.
      employees: [
        ipa(100, "SMPN-03", "retirement"),
        ipa(101, "SMPN-03", "objection"),
        ipa(102, "SMPN-02", "tenure"),
        ipa(103, "SMPN-02", "objection"),
        ipa(104, "SMPN-02", "tenure"),
        ipa(105, "SMPN-04", "other"),
      ],
      compatibility: [{ from: "GURU_IPA", to: "GURU_KELAS" }],
      policy: { maxDistanceKm: 100 },
    });
    const [need] = (await shortfalls(input)) ?? [];
    expect(need).toMatchObject({ unit: "SDN-01", reason: "candidates_ineligible", candidates: 5 });
    expect(Object.entries(need?.ineligible ?? {})).toEqual([
      ["retirement", 1],
      ["objection", 2],
      ["tenure", 2],
    ]);
  });

  it("the unit's intake cap: candidates are left but the school already receives its maxMovesInPerUnit", async () => {
    const input = sdAndSmp({ spare: 3, policy: { maxMovesInPerUnit: 1 } });
    expect(await shortfalls(input)).toEqual([
      {
        unit: "SDN-01",
        role: "GURU_KELAS",
        needHours: 48,
        unmetHours: 24,
        reason: "unit_intake_cap",
        candidates: 2,
      },
    ]);
  });

  it("the origins' caps: the school could receive more, every origin already gives its maxMovesOutPerUnit", async () => {
    const input = sdAndSmp({ spare: 3, policy: { maxMovesOutPerUnit: 1 } });
    expect(await shortfalls(input)).toEqual([
      {
        unit: "SDN-01",
        role: "GURU_KELAS",
        needHours: 48,
        unmetHours: 24,
        reason: "origin_cap",
        candidates: 2,
        origins: ["SMPN-02"],
      },
    ]);
  });

  it("the origins' caps on a province: ten origins named in input order, and how many there are", async () => {
    const smps = Array.from({ length: 12 }, (_, index) => `SMPN-${String(index + 2).padStart(2, "0")}`);
    const input = makeInput({
      version: 2,
      units: [
        makeUnit({ id: "SDN-01", ...at(0) }),
        ...smps.map((id, index) => makeUnit({ id, ...at(5 + index) })),
      ],
      demand: [makeDemand("SDN-01", "GURU_KELAS", 48), ...smps.map((id) => makeDemand(id, "GURU_IPA", 24))],
      employees: smps.flatMap((unit, school) =>
        [0, 1].map((index) => makeEmployee({ id: nip(100 + 2 * school + index), unit, role: "GURU_IPA" })),
      ),
      compatibility: [{ from: "GURU_IPA", to: "GURU_KELAS" }],
      policy: { maxMovesOutPerUnit: 0 },
    });
    expect(await shortfalls(input)).toEqual([
      {
        unit: "SDN-01",
        role: "GURU_KELAS",
        needHours: 48,
        unmetHours: 48,
        reason: "origin_cap",
        candidates: 12,
        origins: smps.slice(0, 10),
        originCount: 12,
      },
    ]);
  });

  it("the total cap: maxMoves is reached", async () => {
    const input = sdAndSmp({ spare: 3, policy: { maxMoves: 1 } });
    expect(await shortfalls(input)).toEqual([
      {
        unit: "SDN-01",
        role: "GURU_KELAS",
        needHours: 48,
        unmetHours: 24,
        reason: "total_cap",
        candidates: 2,
      },
    ]);
  });

  it("supply exhausted: all compatible surplus is used, so the rest is for hiring (formasi)", async () => {
    const input = sdAndSmp({ spare: 1 });
    expect(await shortfalls(input)).toEqual([
      { unit: "SDN-01", role: "GURU_KELAS", needHours: 48, unmetHours: 24, reason: "supply_exhausted" },
    ]);
  });

  it("is carried by v1 plans and by the greedy baseline too", async () => {
    const input = { ...sdAndSmp({ spare: 3 }), version: 1 as const, policy: { maxMoves: 1 } };
    const exact = await planTransfers(input);
    expect(exact.shortfalls?.map((s) => s.reason)).toEqual(["total_cap"]);
    const greedy = planTransfersGreedy(input);
    expect(greedy.shortfalls?.map((s) => [s.unit, s.unmetHours, s.reason])).toEqual([
      ["SDN-01", 24, "total_cap"],
    ]);
  });
});
