import { describe, expect, it } from "vitest";
import { parsePlanInput, planTransfers, PlanInputError } from "../../../src/domain/balance/index.ts";
import { makeDemand, makeEmployee, makeInput, makeUnit, nip } from "./builders.ts";

function issuesOf(json: unknown): string[] {
  try {
    parsePlanInput(json);
  } catch (error) {
    if (error instanceof PlanInputError) return error.issues;
    throw error;
  }
  throw new Error("expected a PlanInputError");
}

describe("parsePlanInput", () => {
  it("returns a valid input, with an empty compatibility list and policy when they are missing", () => {
    const json = JSON.parse(
      JSON.stringify({
        version: 1,
        units: [makeUnit({ id: "SDN-01" })],
        roles: [{ id: "GURU_KELAS", name: "Guru Kelas SD" }],
        demand: [makeDemand("SDN-01", "GURU_KELAS", 24)],
        employees: [makeEmployee({ id: nip(1), unit: "SDN-01", role: "GURU_KELAS" })],
      }),
    ) as unknown;
    expect(parsePlanInput(json)).toMatchObject({ version: 1, compatibility: [], policy: {} });
  });

  it("lists every offending row, each with its position and identifiers", () => {
    const input = makeInput({
      units: [
        makeUnit({ id: "SDN-01" }),
        makeUnit({ id: "SDN-01" }),
        makeUnit({ id: "SMPN-02", lat: 95 }),
        makeUnit({ id: "SMPN-03", lon: -200 }),
        makeUnit({ id: "SMPN-04", lat: null }),
      ],
      roles: [
        { id: "GURU_KELAS", name: "Guru Kelas SD" },
        { id: "GURU_IPA", name: "Guru IPA" },
        { id: "GURU_IPA", name: "Guru IPA lagi" },
      ],
      demand: [makeDemand("SDN-01", "GURU_KELAS", -24), makeDemand("SDN-09", "GURU_PAI", 24)],
      employees: [
        makeEmployee({ id: nip(1), unit: "SDN-01", role: "GURU_KELAS" }),
        makeEmployee({ id: nip(1), unit: "SMPN-99", role: "GURU_IPA" }),
        makeEmployee({ id: nip(3), unit: "SDN-01", role: "GURU_KELAS", hours: -6 }),
      ],
      compatibility: [{ from: "GURU_IPA", to: "GURU_MTK" }],
    });
    const json = JSON.parse(JSON.stringify(input)) as { demand: Array<{ hours: unknown }>; version: unknown };
    json.demand.push({ unit: "SDN-01", role: "GURU_KELAS", hours: "24" } as never);
    json.version = 3;
    expect(issuesOf(json)).toEqual([
      "version must be 1 or 2",
      "units[1] (id SDN-01): duplicate id, already used by units[0]",
      "units[2] (id SMPN-02): lat 95 is outside -90..90",
      "units[3] (id SMPN-03): lon -200 is outside -180..180",
      "units[4] (id SMPN-04): lat and lon go together: give both or neither",
      "roles[2] (id GURU_IPA): duplicate id, already used by roles[1]",
      "demand[0] (unit SDN-01, role GURU_KELAS): hours must not be negative",
      'demand[1] (unit SDN-09, role GURU_PAI): unit "SDN-09" is unknown',
      'demand[1] (unit SDN-09, role GURU_PAI): role "GURU_PAI" is unknown',
      "demand[2] (unit SDN-01, role GURU_KELAS): hours must be a number",
      `employees[1] (id ${nip(1)}): duplicate id, already used by employees[0]`,
      `employees[1] (id ${nip(1)}): unit "SMPN-99" is unknown`,
      `employees[2] (id ${nip(3)}): hours must not be negative`,
      'compatibility[0] (GURU_IPA → GURU_MTK): role "GURU_MTK" is unknown',
    ]);
  });

  it("rejects missing sections, wrong types and a bad policy", () => {
    expect(issuesOf(null)).toEqual(["must be a JSON object"]);
    expect(issuesOf({ version: 1, units: {}, roles: [], demand: [], employees: [{ id: 5 }] })).toEqual([
      "units must be a list",
      "employees[0]: id must be text",
      "employees[0]: unit must be text",
      "employees[0]: role must be text",
      "employees[0]: hours must be a number",
      "employees[0]: movable must be true or false",
    ]);
    expect(
      issuesOf(makeInput({ policy: { maxMovesPerUnit: -1, maxMoves: 1.5, maxDistanceKm: -3 } })),
    ).toEqual([
      "policy.maxMovesPerUnit must not be negative",
      "policy.maxDistanceKm must not be negative",
      "policy.maxMoves must be a whole number",
    ]);
  });

  it("accepts version 2 with its policy bounds and why, and refuses them in a version 1 file", () => {
    const v2 = makeInput({
      version: 2,
      units: [makeUnit({ id: "SDN-01" })],
      employees: [
        makeEmployee({ id: nip(1), unit: "SDN-01", role: "GURU_KELAS", movable: false, why: "tenure" }),
      ],
      policy: { maxMovesOutPerUnit: 1, maxMovesInPerUnit: 4, maxMovesPerUnit: null },
    });
    expect(parsePlanInput(v2)).toMatchObject({ version: 2, policy: { maxMovesInPerUnit: 4 } });
    expect(issuesOf({ ...v2, version: 1 })).toEqual([
      `employees[0] (id ${nip(1)}): why needs "version": 2`,
      'policy.maxMovesOutPerUnit needs "version": 2',
      'policy.maxMovesInPerUnit needs "version": 2',
    ]);
    const bad = makeInput({
      version: 2,
      units: [makeUnit({ id: "SDN-01" })],
      employees: [
        { ...makeEmployee({ id: nip(2), unit: "SDN-01", role: "GURU_KELAS" }), why: "lazy" as never },
      ],
      policy: { maxMovesInPerUnit: -1, maxMovesOutPerUnit: 0.5 },
    });
    expect(issuesOf(bad)).toEqual([
      `employees[0] (id ${nip(2)}): why must be one of objection, tenure, retirement, pending, inactive, rejected, other`,
      "policy.maxMovesOutPerUnit must be a whole number",
      "policy.maxMovesInPerUnit must not be negative",
    ]);
  });

  it("is also what planTransfers applies: nothing is computed on bad input", async () => {
    const input = makeInput({ employees: [makeEmployee({ unit: "NOWHERE", role: "GURU_KELAS" })] });
    await expect(planTransfers(input)).rejects.toBeInstanceOf(PlanInputError);
    await expect(planTransfers(input)).rejects.toThrow(/unit "NOWHERE" is unknown/);
  });
});
