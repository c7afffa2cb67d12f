import { describe, expect, it } from "vitest";
import {
  defaultQualification,
  hiringNeeds,
  projectFormasi,
  retirementYearIndex,
  type FormasiInputRow,
  type FormasiRetiree,
} from "../../src/domain/formasi.ts";

const row = (over: Partial<FormasiInputRow> = {}): FormasiInputRow => ({
  unitCode: "SDN-01",
  unitName: "SD Negeri 1 Salor",
  agencyId: 1,
  schoolStatus: "Negeri",
  roleCode: "GURU_KELAS",
  roleName: "Guru Kelas SD",
  hoursUnit: "JP",
  standardHours: 24,
  qualification: "S-1/D-IV PGSD",
  demand: 144,
  capacity: 96,
  capacityAfterFlight: 120,
  capacityAfterPlan: 120,
  hireableHours: 24,
  policyHours: 0,
  pns: 4,
  pppk: 0,
  honorers: 0,
  onLeave: 0,
  ...over,
});

const retiree = (year: number, inBezetting = true, over: Partial<FormasiRetiree> = {}): FormasiRetiree => ({
  nip: `19${year}`,
  name: "X",
  unitCode: "SDN-01",
  roleCode: "GURU_KELAS",
  status: inBezetting ? "AKTIF" : "CUTI",
  retirementAge: 60,
  retirementDate: new Date(Date.UTC(year, 5, 1)),
  inBezetting,
  ...over,
});

describe("the formasi projection (issue 28)", () => {
  it("counts people up from hours and asks each year for what the deficit grew by", () => {
    const [r] = projectFormasi({
      rows: [row()],
      retirees: [retiree(2027), retiree(2029), retiree(2029), retiree(2030, false)],
      firstYear: 2027,
      years: 5,
    });
    expect(r).toMatchObject({
      need: 6,
      bezetting: 4,
      shortNow: 2,
      shortAfterFlight: 1,
      hireable: 1,
      spare: 0,
      retirements: [1, 0, 2, 1, 0],
      retirementsInBezetting: [1, 0, 2, 0, 0],
      // 1 left by the plan + 1 retiring in 2027; 2 more in 2029. The one on cuti is already missing.
      requests: [2, 0, 2, 0, 0],
    });
  });

  it("a unit with people to spare replaces its retirements only once the spare is used up", () => {
    const [r] = projectFormasi({
      rows: [
        row({ demand: 48, capacity: 96, capacityAfterFlight: 96, capacityAfterPlan: 96, hireableHours: 0 }),
      ],
      retirees: [retiree(2027), retiree(2028), retiree(2028)],
      firstYear: 2027,
      years: 5,
    });
    expect(r).toMatchObject({ spare: 2, shortNow: 0, requests: [0, 1, 0, 0, 0] });
  });

  it("25 JP short is two teachers; a retirement already due falls in the first year; one after the last is left out", () => {
    const [r] = projectFormasi({
      rows: [row({ hireableHours: 25, policyHours: 0.5 })],
      retirees: [retiree(2026), retiree(2032)],
      firstYear: 2027,
      years: 5,
    });
    expect(r).toMatchObject({
      hireable: 2,
      policy: 1,
      retirements: [1, 0, 0, 0, 0],
      requests: [3, 0, 0, 0, 0],
    });
    expect(retirementYearIndex(new Date("2031-12-31"), 2027, 5)).toBe(4);
    expect(retirementYearIndex(new Date("2032-01-01"), 2027, 5)).toBeNull();
  });

  it("needs for hiring per role in people; the rules' shortfalls are not among them", () => {
    expect(
      hiringNeeds(
        [
          { role: "GURU_KELAS", unmetHours: 30, reason: "supply_exhausted" },
          { role: "GURU_KELAS", unmetHours: 24, reason: "beyond_distance" },
          { role: "PERAWAT", unmetHours: 37.5, reason: "no_compatible_supply" },
          { role: "GURU_KELAS", unmetHours: 96, reason: "origin_cap" },
        ],
        (role) => (role === "PERAWAT" ? 37.5 : 24),
      ),
    ).toEqual([
      { role: "GURU_KELAS", people: 3 },
      { role: "PERAWAT", people: 1 },
    ]);
  });

  it("a teacher's default qualification follows the subject; other roles have none until an admin sets one", () => {
    expect(defaultQualification({ name: "Guru Kelas SD", isTeacher: true })).toBe("S-1/D-IV PGSD");
    expect(defaultQualification({ name: "Guru Kelas TK", isTeacher: true })).toBe("S-1/D-IV PG-PAUD");
    expect(defaultQualification({ name: "Guru Matematika", isTeacher: true })).toBe(
      "S-1/D-IV Pendidikan Matematika",
    );
    expect(defaultQualification({ name: "Guru Mapel IPA SMP", isTeacher: true })).toBe(
      "S-1/D-IV Pendidikan IPA",
    );
    expect(defaultQualification({ name: "Perawat", isTeacher: false })).toBeNull();
  });
});
