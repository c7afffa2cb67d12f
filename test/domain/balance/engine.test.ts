import { describe, expect, it } from "vitest";
import {
  computeUnitLoads,
  planTransfers,
  planTransfersGreedy,
  type PlanInput,
} from "../../../src/domain/balance/index.ts";
import {
  east,
  expectConsistent,
  makeDemand,
  makeEmployee,
  makeInput,
  makeRole,
  makeUnit,
  nip,
  violations,
} from "./builders.ts";

const SALOR = { lat: -8.4, lon: 140.4 };
const at = (km: number) => east(SALOR.lat, SALOR.lon, km);
const IPA_FILLS_KELAS = [{ from: "GURU_IPA", to: "GURU_KELAS" }];

/** An SD short of class teachers and an SMP with more science teachers than lessons. */
function sdAndSmp(overrides: Partial<PlanInput> = {}): PlanInput {
  return makeInput({
    units: [
      makeUnit({ id: "SDN-01", name: "SD Negeri 1 Salor", ...at(0) }),
      makeUnit({ id: "SMPN-02", name: "SMP Negeri 2 Salor", ...at(10) }),
    ],
    demand: [makeDemand("SDN-01", "GURU_KELAS", 48), makeDemand("SMPN-02", "GURU_IPA", 24)],
    employees: [1, 2, 3].map((n) => makeEmployee({ id: nip(100 + n), unit: "SMPN-02", role: "GURU_IPA" })),
    compatibility: IPA_FILLS_KELAS,
    ...overrides,
  });
}

async function solve(input: PlanInput, options = {}) {
  const plan = await planTransfers(input, options);
  expect(violations(input, plan.moves)).toEqual([]);
  expectConsistent(input, plan);
  return plan;
}

describe("planTransfers", () => {
  it("fills a shortage from a surplus, taking the lowest NIPs of interchangeable people", async () => {
    const plan = await solve(sdAndSmp());
    expect(plan.moves.map((move) => [move.employee, move.from, move.to, move.role])).toEqual([
      [nip(101), "SMPN-02", "SDN-01", "GURU_KELAS"],
      [nip(102), "SMPN-02", "SDN-01", "GURU_KELAS"],
    ]);
    expect(plan.metrics).toMatchObject({
      unmetBefore: 48,
      unmetAfter: 0,
      moves: 2,
      optimal: true,
      // Everyone brings 24 JP and no cap binds: the flow core proves it.
      method: "flow",
    });
  });

  it("adds up several demand rows of one unit and role", async () => {
    const input = sdAndSmp({
      demand: [
        makeDemand("SDN-01", "GURU_KELAS", 24),
        makeDemand("SDN-01", "GURU_KELAS", 24),
        makeDemand("SMPN-02", "GURU_IPA", 24),
      ],
    });
    expect((await solve(input)).metrics).toMatchObject({ unmetBefore: 48, unmetAfter: 0, moves: 2 });
  });

  it("moves nobody into a role their own role cannot fill; compatibility has a direction", async () => {
    const none = await solve(sdAndSmp({ compatibility: [] }));
    expect(none.moves).toEqual([]);
    expect(none.metrics).toMatchObject({ unmetAfter: 48, optimal: true });
    const backwards = await solve(sdAndSmp({ compatibility: [{ from: "GURU_KELAS", to: "GURU_IPA" }] }));
    expect(backwards.moves).toEqual([]);
  });

  it("uses a chain when the surplus cannot reach the shortage directly", async () => {
    const input = makeInput({
      units: [
        makeUnit({ id: "SMPN-01", ...at(0) }),
        makeUnit({ id: "SMPN-02", name: "SMP Negeri 2", ...at(80) }),
        makeUnit({ id: "SDN-03", ...at(160) }),
      ],
      demand: [
        makeDemand("SMPN-01", "GURU_IPA", 24),
        makeDemand("SMPN-02", "GURU_IPA", 24),
        makeDemand("SDN-03", "GURU_KELAS", 24),
      ],
      employees: [
        makeEmployee({ id: nip(1), unit: "SMPN-01", role: "GURU_IPA" }),
        makeEmployee({ id: nip(2), unit: "SMPN-01", role: "GURU_IPA" }),
        makeEmployee({ id: nip(3), unit: "SMPN-02", role: "GURU_IPA" }),
      ],
      compatibility: IPA_FILLS_KELAS,
      policy: { maxDistanceKm: 100 },
    });
    const plan = await solve(input);
    expect(plan.moves.map((move) => [move.from, move.to, move.role])).toEqual([
      ["SMPN-01", "SMPN-02", "GURU_IPA"],
      ["SMPN-02", "SDN-03", "GURU_KELAS"],
    ]);
    expect(plan.metrics).toMatchObject({ unmetBefore: 24, unmetAfter: 0, moves: 2, optimal: true });
    expect(plan.moves[0]?.reason).toMatch(/^Menggantikan Role GURU_IPA yang dipindahkan dari SMP Negeri 2;/);
  });

  it("keeps moves in plus moves out of each unit within maxMovesPerUnit", async () => {
    const input = sdAndSmp({
      units: [
        makeUnit({ id: "SDN-01", ...at(0) }),
        makeUnit({ id: "SDN-03", ...at(5) }),
        makeUnit({ id: "SMPN-02", ...at(10) }),
      ],
      demand: [
        makeDemand("SDN-01", "GURU_KELAS", 24),
        makeDemand("SDN-03", "GURU_KELAS", 24),
        makeDemand("SMPN-02", "GURU_IPA", 24),
      ],
      policy: { maxMovesPerUnit: 1 },
    });
    expect((await solve(input)).metrics).toMatchObject({ unmetAfter: 24, moves: 1, optimal: true });
  });

  it("moves nobody further than maxDistanceKm, and anywhere without it", async () => {
    const far = (maxDistanceKm: number | null) =>
      sdAndSmp({
        units: [makeUnit({ id: "SDN-01", ...at(0) }), makeUnit({ id: "SMPN-02", ...at(150) })],
        policy: { maxDistanceKm },
      });
    expect((await solve(far(100))).moves).toEqual([]);
    const unbounded = await solve(far(null));
    expect(unbounded.metrics).toMatchObject({ unmetAfter: 0, moves: 2 });
    expect(unbounded.metrics.km).toBeCloseTo(300, 0);
  });

  it("stops at maxMoves", async () => {
    const input = sdAndSmp({ policy: { maxMoves: 1 } });
    expect((await solve(input)).metrics).toMatchObject({ unmetAfter: 24, moves: 1, optimal: true });
  });

  it("proposes nothing when every unit is balanced", async () => {
    const input = makeInput({
      units: [makeUnit({ id: "SDN-01" })],
      demand: [makeDemand("SDN-01", "GURU_KELAS", 24)],
      employees: [makeEmployee({ unit: "SDN-01", role: "GURU_KELAS" })],
    });
    const plan = await solve(input);
    expect(plan.moves).toEqual([]);
    expect(plan.metrics).toMatchObject({ unmetBefore: 0, unmetAfter: 0, moves: 0, km: 0, optimal: true });
  });

  it("proposes nothing when nobody may move", async () => {
    const input = sdAndSmp();
    input.employees = input.employees.map((employee) => ({ ...employee, movable: false }));
    const plan = await solve(input);
    expect(plan.moves).toEqual([]);
    expect(plan.metrics).toMatchObject({ unmetBefore: 48, unmetAfter: 48, optimal: true });
  });

  it("counts 0 km and ignores the distance bound for a unit without coordinates", async () => {
    const input = sdAndSmp({
      units: [makeUnit({ id: "SDN-01", lat: null, lon: null }), makeUnit({ id: "SMPN-02", ...at(500) })],
      policy: { maxDistanceKm: 10 },
    });
    expect((await solve(input)).metrics).toMatchObject({ unmetAfter: 0, moves: 2, km: 0 });
  });

  it("prefers fewer moves to fewer kilometres, and then the nearest people", async () => {
    const input = makeInput({
      units: [
        makeUnit({ id: "SDN-01", ...at(0) }),
        makeUnit({ id: "SMPN-NEAR", ...at(10) }),
        makeUnit({ id: "SMPN-FAR", ...at(50) }),
      ],
      demand: [makeDemand("SDN-01", "GURU_KELAS", 36)],
      employees: [
        makeEmployee({ unit: "SMPN-NEAR", role: "GURU_IPA", hours: 18 }),
        makeEmployee({ unit: "SMPN-NEAR", role: "GURU_IPA", hours: 18 }),
        makeEmployee({ id: nip(900), unit: "SMPN-FAR", role: "GURU_IPA", hours: 36 }),
        makeEmployee({ id: nip(901), unit: "SMPN-FAR", role: "GURU_IPA", hours: 36 }),
      ],
      compatibility: IPA_FILLS_KELAS,
    });
    const plan = await solve(input);
    expect(plan.moves.map((move) => move.employee)).toEqual([nip(900)]);
    expect(plan.metrics).toMatchObject({ unmetAfter: 0, moves: 1, optimal: true });
    expect(plan.metrics.km).toBeCloseTo(50, 0);

    const tie = await solve({
      ...input,
      employees: input.employees.slice(0, 2).map((e) => ({ ...e, hours: 36 })),
    });
    expect(tie.moves.map((move) => move.from)).toEqual(["SMPN-NEAR"]);
  });

  it("explains each move: the shortage it fills and both units' load before and after the plan", async () => {
    const plan = await solve(sdAndSmp());
    expect(plan.moves[0]?.reason).toBe(
      "Mengisi 24 dari kekurangan 48 jam/minggu Role GURU_KELAS di SD Negeri 1 Salor; beban seluruh unit dengan semua usulan: SD Negeri 1 Salor belum ada pegawai → 100%, SMP Negeri 2 Salor 33% → 100%.",
    );
    const english = await solve(sdAndSmp(), { locale: "en" });
    expect(english.moves[0]?.reason).toBe(
      "Fills 24 of a shortage of 48 hours/week of Role GURU_KELAS at SD Negeri 1 Salor; whole-unit load with every proposal: SD Negeri 1 Salor no staff yet → 100%, SMP Negeri 2 Salor 33% → 100%.",
    );
  });

  it("returns per-unit loads with the plan", async () => {
    const plan = await solve(sdAndSmp());
    expect(plan.units).toEqual(computeUnitLoads(sdAndSmp(), plan.moves));
    expect(plan.units.find((unit) => unit.unit === "SMPN-02")).toMatchObject({
      demand: 24,
      capacityBefore: 72,
      capacityAfter: 24,
      ratioBefore: 24 / 72,
      ratioAfter: 1,
    });
  });

  it("is deterministic and sorts moves by from, to and employee", async () => {
    const input = makeInput({
      units: ["A", "B", "C", "D"].map((id, index) => makeUnit({ id, ...at(index * 5) })),
      demand: [makeDemand("A", "GURU_KELAS", 48), makeDemand("B", "GURU_KELAS", 24)],
      employees: [
        makeEmployee({ id: nip(7), unit: "D", role: "GURU_IPA" }),
        makeEmployee({ id: nip(5), unit: "C", role: "GURU_IPA" }),
        makeEmployee({ id: nip(6), unit: "C", role: "GURU_IPA" }),
      ],
      compatibility: IPA_FILLS_KELAS,
    });
    const first = await solve(input);
    const second = await solve(input);
    expect(second.moves).toEqual(first.moves);
    const keys = first.moves.map((move) => `${move.from}|${move.to}|${move.employee}`);
    expect(keys).toEqual([...keys].sort());
    expect(first.metrics.unmetAfter).toBe(0);
  });

  it("falls back to the greedy plan when the solver has no time at all", async () => {
    const plan = await solve(sdAndSmp(), { timeLimitSeconds: 0 });
    expect(plan.metrics).toMatchObject({ method: "greedy", optimal: false, unmetAfter: 0 });
  });

  it("offers the greedy baseline on request", async () => {
    const plan = await solve(sdAndSmp(), { method: "greedy" });
    expect(plan.metrics).toMatchObject({ method: "greedy", optimal: false, unmetAfter: 0, moves: 2 });
    expect(planTransfersGreedy(sdAndSmp()).moves).toEqual(plan.moves);
  });

  it("lets a fractional load of hours through exactly", async () => {
    const input = makeInput({
      roles: [makeRole({ id: "TU", standardHours: 37.5 })],
      units: [makeUnit({ id: "SDN-01", ...at(0) }), makeUnit({ id: "SMPN-02", ...at(10) })],
      demand: [makeDemand("SDN-01", "TU", 37.5), makeDemand("SMPN-02", "TU", 37.5)],
      employees: [
        makeEmployee({ unit: "SMPN-02", role: "TU", hours: 37.5 }),
        makeEmployee({ unit: "SMPN-02", role: "TU", hours: 37.5 }),
      ],
    });
    expect((await solve(input)).metrics).toMatchObject({ unmetBefore: 37.5, unmetAfter: 0, moves: 1 });
  });
});

describe("computeUnitLoads", () => {
  it("gives demand / capacity per role and over the unit, null where nobody is left to meet demand", () => {
    const input = sdAndSmp();
    const [sd, smp] = computeUnitLoads(input, [{ employee: nip(101), to: "SDN-01", role: "GURU_KELAS" }]);
    expect(sd).toMatchObject({ unit: "SDN-01", ratioBefore: null, ratioAfter: 2 });
    expect(sd?.roles).toEqual([
      {
        role: "GURU_KELAS",
        demand: 48,
        capacityBefore: 0,
        capacityAfter: 24,
        ratioBefore: null,
        ratioAfter: 2,
        unmetBefore: 48,
        unmetAfter: 24,
      },
    ]);
    expect(smp).toMatchObject({ ratioBefore: 24 / 72, ratioAfter: 24 / 48 });
  });
});
