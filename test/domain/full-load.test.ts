import { describe, expect, it } from "vitest";
import type { UnitLoad } from "../../src/domain/balance/index.ts";
import { fullLoadPlaces, type FullLoadUnit } from "../../src/domain/full-load.ts";
import { fullLoadGain } from "../../src/domain/workload.ts";

function load(unit: string, roles: Array<[role: string, unmetAfter: number]>): UnitLoad {
  return {
    unit,
    demand: 0,
    capacityBefore: 0,
    capacityAfter: 0,
    ratioBefore: null,
    ratioAfter: null,
    roles: roles.map(([role, unmetAfter]) => ({
      role,
      demand: unmetAfter,
      capacityBefore: 0,
      capacityAfter: 0,
      ratioBefore: null,
      ratioAfter: null,
      unmetBefore: unmetAfter,
      unmetAfter,
    })),
  };
}

/** Units 1, 2, 3 and 5 km east of HOME along the equator; FAR has no coordinates. */
const units = new Map<string, FullLoadUnit>(
  [
    { code: "HOME", name: "Home", lat: 0, lon: 0 },
    { code: "U1", name: "One", lat: 0, lon: 1 / 111.195 },
    { code: "U2", name: "Two", lat: 0, lon: 2 / 111.195 },
    { code: "U3", name: "Three", lat: 0, lon: 3 / 111.195 },
    { code: "U5", name: "Five", lat: 0, lon: 5 / 111.195 },
    { code: "FAR", name: "Far", lat: null, lon: null },
  ].map((u) => [u.code, u]),
);

describe("where a certified teacher under the standard could find the hours", () => {
  it("lists at most three units short in a role they may fill, nearest first, never their own", () => {
    const places = fullLoadPlaces({
      unit: "HOME",
      role: "GURU_IPA",
      fillable: new Set(["GURU_IPA", "GURU_KELAS"]),
      units,
      loads: [
        load("HOME", [["GURU_IPA", 10]]),
        load("FAR", [["GURU_KELAS", 24]]),
        load("U5", [["GURU_IPA", 6]]),
        load("U3", [
          ["GURU_KELAS", 12],
          ["GURU_IPA", 18],
        ]),
        load("U2", [["GURU_PJOK", 24]]),
        load("U1", [["GURU_KELAS", 0]]),
        load("U2", []),
      ],
    });
    expect(places.map((p) => [p.unit.code, Math.round((p.km ?? -1) * 10) / 10, p.short])).toEqual([
      [
        "U3",
        3,
        [
          { role: "GURU_IPA", hours: 18 },
          { role: "GURU_KELAS", hours: 12 },
        ],
      ],
      ["U5", 5, [{ role: "GURU_IPA", hours: 6 }]],
      ["FAR", -1, [{ role: "GURU_KELAS", hours: 24 }]],
    ]);
  });

  it("is empty when nothing they may fill is short", () => {
    const places = fullLoadPlaces({
      unit: "HOME",
      role: "GURU_IPA",
      fillable: new Set(["GURU_IPA"]),
      units,
      loads: [load("U1", [["GURU_KELAS", 24]])],
    });
    expect(places).toEqual([]);
  });
});

describe("fullLoadGain (issue 25: the benefit a move brings the person)", () => {
  const teacher = { certified: true, isTeacher: true, hoursTaught: 12, standardHours: 24 };
  it("names the hours now and at the destination for a certified teacher under 24 JP who gets a full load", () => {
    expect(fullLoadGain(teacher, 24)).toEqual({ taughtNow: 12, atDestination: 24, standard: 24 });
  });
  it("claims nothing without certification, without known hours, at a full load already, or short of one there", () => {
    expect(fullLoadGain({ ...teacher, certified: false }, 24)).toBeNull();
    expect(fullLoadGain({ ...teacher, hoursTaught: null }, 24)).toBeNull();
    expect(fullLoadGain({ ...teacher, hoursTaught: 24 }, 24)).toBeNull();
    expect(fullLoadGain(teacher, 18)).toBeNull();
  });
});
