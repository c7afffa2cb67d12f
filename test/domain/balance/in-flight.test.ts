import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  planTransfers,
  type PlanInFlight,
  type PlanInput,
  type PlanMove,
} from "../../../src/domain/balance/index.ts";
import { planWithInFlight, type SolveOnce } from "../../../src/domain/balance/in-flight.ts";
import { east, makeDemand, makeEmployee, makeInput, makeUnit, nip } from "./builders.ts";

const asPending = (moves: readonly PlanMove[]): PlanInFlight[] =>
  moves.map(({ employee, to, role }) => ({ employee, to, role, state: "pending" }));
const pairs = (moves: ReadonlyArray<Pick<PlanMove, "employee" | "to">>) =>
  moves.map((move) => `${move.employee}→${move.to}`).sort();

/** Two SMPs with surplus teachers, two SDs short of class teachers, all within 30 km. */
function district(overrides: Partial<PlanInput> = {}): PlanInput {
  const origin = { lat: -8.4, lon: 140.4 };
  return makeInput({
    version: 2,
    units: [
      makeUnit({ id: "SMP1", ...origin }),
      makeUnit({ id: "SMP2", ...east(origin.lat, origin.lon, 10) }),
      makeUnit({ id: "SD1", ...east(origin.lat, origin.lon, 5) }),
      makeUnit({ id: "SD2", ...east(origin.lat, origin.lon, 20) }),
    ],
    demand: [
      makeDemand("SMP1", "GURU_IPA", 48),
      makeDemand("SMP2", "GURU_IPA", 24),
      makeDemand("SD1", "GURU_KELAS", 72),
      makeDemand("SD2", "GURU_KELAS", 48),
    ],
    employees: [
      ...["A", "B", "C", "D", "E"].map((name, index) =>
        makeEmployee({ id: nip(100 + index), name, unit: "SMP1", role: "GURU_IPA" }),
      ),
      ...["F", "G", "H"].map((name, index) =>
        makeEmployee({ id: nip(200 + index), name, unit: "SMP2", role: "GURU_IPA" }),
      ),
      makeEmployee({ id: nip(300), unit: "SD1", role: "GURU_KELAS", movable: false }),
    ],
    compatibility: [{ from: "GURU_IPA", to: "GURU_KELAS" }],
    policy: { maxMovesPerUnit: null, maxMovesOutPerUnit: 3, maxDistanceKm: 30 },
    ...overrides,
  });
}

describe("the plan in flight", () => {
  it("keeps every pending proposal when nothing changed, and adds no move", async () => {
    const input = district();
    const first = await planTransfers(input);
    expect(first.moves.length).toBeGreaterThan(0);
    const second = await planTransfers({ ...input, inFlight: asPending(first.moves) });
    expect(pairs(second.moves)).toEqual(pairs(first.moves));
    expect(second.dropped).toEqual([]);
    expect(second.metrics).toMatchObject({ optimal: true, tiersProven: [1, 2, 3, 4, 5] });
    expect(second.metrics.inFlight).toMatchObject({ committed: 0, pendingKept: first.moves.length });
  });

  it("holds committed moves fixed, counts them against the caps and leaves them out of the moves", async () => {
    const input = district();
    const committed: PlanInFlight[] = [
      { employee: nip(100), to: "SD1", role: "GURU_KELAS", state: "committed" },
      { employee: nip(101), to: "SD1", role: "GURU_KELAS", state: "committed" },
    ];
    const plan = await planTransfers({ ...input, inFlight: committed });
    expect(plan.moves.map((move) => move.employee)).not.toContain(nip(100));
    // SMP1 may give three a year: two are committed, so at most one more leaves it.
    expect(plan.moves.filter((move) => move.from === "SMP1").length).toBeLessThanOrEqual(1);
    // "Before" is the district as it is; the committed moves count in "after" and in the loads.
    expect(plan.metrics.unmetBefore).toBe(72 - 24 + 48);
    expect(plan.metrics.inFlight?.unmetAfterCommitted).toBe(48);
    const sd1 = plan.units.find((unit) => unit.unit === "SD1");
    expect(sd1?.capacityBefore).toBe(24);
    expect(sd1?.capacityAfter).toBeGreaterThanOrEqual(72);
  });

  it("counts moves that took effect within the window against the caps", async () => {
    const input = district({
      recentMoves: [
        { from: "SMP1", to: "SD2" },
        { from: "SMP1", to: "SD2" },
        { from: "SMP1", to: "SD2" },
      ],
    });
    const plan = await planTransfers(input);
    expect(plan.moves.filter((move) => move.from === "SMP1")).toEqual([]);
    expect(plan.shortfalls?.some((row) => row.reason === "origin_cap")).toBe(true);
  });

  it("never sends a person to a unit they are excluded from", async () => {
    const excluded = district();
    excluded.employees = excluded.employees.map((employee) =>
      employee.role === "GURU_IPA" ? { ...employee, excludedUnits: ["SD1"] } : employee,
    );
    const plan = await planTransfers(excluded);
    expect(plan.moves.filter((move) => move.to === "SD1")).toEqual([]);
    expect(plan.moves.length).toBeGreaterThan(0);
  });

  it("drops a pending proposal whose destination was filled meanwhile, saying so", async () => {
    const input = district();
    const first = await planTransfers(input);
    const toSd2 = first.moves.filter((move) => move.to === "SD2");
    expect(toSd2.length).toBeGreaterThan(0);
    // Two class teachers were hired for SD2 since the last check.
    const filled: PlanInput = {
      ...input,
      employees: [
        ...input.employees,
        makeEmployee({ id: nip(400), unit: "SD2", role: "GURU_KELAS", movable: false }),
        makeEmployee({ id: nip(401), unit: "SD2", role: "GURU_KELAS", movable: false }),
      ],
      inFlight: asPending(first.moves),
    };
    const plan = await planTransfers(filled);
    expect(plan.moves.filter((move) => move.to === "SD2")).toEqual([]);
    expect(plan.dropped?.map((row) => row.why)).toEqual(toSd2.map(() => "not_needed"));
    expect(pairs(plan.moves)).toEqual(pairs(first.moves.filter((move) => move.to !== "SD2")));
  });

  it("drops a pending proposal whose person can no longer move", async () => {
    const input = district();
    const first = await planTransfers(input);
    const gone = first.moves[0];
    if (gone === undefined) throw new Error("no move");
    const plan = await planTransfers({
      ...input,
      employees: input.employees.map((employee) =>
        employee.id === gone.employee
          ? { ...employee, movable: false, why: "retirement" as const }
          : employee,
      ),
      inFlight: asPending(first.moves),
    });
    expect(plan.dropped).toEqual([
      { employee: gone.employee, to: gone.to, role: gone.role, why: "ineligible" },
    ]);
    expect(plan.moves.map((move) => move.employee)).not.toContain(gone.employee);
    // Someone else fills the place: the district ends as short as before.
    expect(plan.metrics.unmetAfter).toBe(first.metrics.unmetAfter);
  });

  it("gives up a pending move when a worse shortage appears that only its person can fill", async () => {
    // One surplus teacher, pending to SD1 (half short); SD2 now has no teacher at all and is closer.
    const base = makeInput({
      version: 2,
      units: [makeUnit({ id: "SMP1" }), makeUnit({ id: "SD1" }), makeUnit({ id: "SD2" })],
      demand: [
        makeDemand("SMP1", "GURU_IPA", 24),
        makeDemand("SD1", "GURU_KELAS", 48),
        makeDemand("SD2", "GURU_KELAS", 24),
      ],
      employees: [
        makeEmployee({ id: nip(500), unit: "SMP1", role: "GURU_IPA", movable: false }),
        makeEmployee({ id: nip(501), unit: "SMP1", role: "GURU_IPA" }),
        makeEmployee({ id: nip(502), unit: "SD1", role: "GURU_KELAS", movable: false }),
      ],
      compatibility: [{ from: "GURU_IPA", to: "GURU_KELAS" }],
      policy: {},
      inFlight: [{ employee: nip(501), to: "SD1", role: "GURU_KELAS", state: "pending" }],
    });
    const plan = await planTransfers(base);
    expect(plan.moves.map((move) => `${move.employee}→${move.to}`)).toEqual([`${nip(501)}→SD2`]);
    expect(plan.dropped).toEqual([{ employee: nip(501), to: "SD1", role: "GURU_KELAS", why: "replaced" }]);
    expect(plan.metrics.tiersProven).toEqual([1, 2]);
  });

  it("refuses two proposals in flight for one person and in-flight fields in a v1 file", async () => {
    const input = district();
    const twice: PlanInFlight[] = [
      { employee: nip(100), to: "SD1", role: "GURU_KELAS", state: "pending" },
      { employee: nip(100), to: "SD2", role: "GURU_KELAS", state: "committed" },
    ];
    await expect(planTransfers({ ...input, inFlight: twice })).rejects.toThrow(
      /inFlight\[1\] \(.* → SD2\): employee already in flight in inFlight\[0\]/,
    );
    await expect(planTransfers({ ...input, version: 1, policy: {}, inFlight: [] })).rejects.toThrow(
      /inFlight needs "version": 2/,
    );
  });

  it("a second check on an unchanged district changes nothing (random districts)", async () => {
    const districts = fc.record({
      surplus: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 2 }),
      short: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
      out: fc.constantFrom(null, 1, 2),
      into: fc.constantFrom(null, 1, 2),
    });
    await fc.assert(
      fc.asyncProperty(districts, async (draw) => {
        const donors = draw.surplus.map((_, index) => `SMP${index}`);
        const receivers = draw.short.map((_, index) => `SD${index}`);
        const input = makeInput({
          version: 2,
          units: [...donors, ...receivers].map((id, index) =>
            makeUnit({ id, ...east(-8.4, 140.4, index * 7) }),
          ),
          demand: [
            ...donors.map((id) => makeDemand(id, "GURU_IPA", 24)),
            ...receivers.map((id, index) => makeDemand(id, "GURU_KELAS", 24 * (draw.short[index] ?? 0))),
          ],
          employees: donors.flatMap((id, index) =>
            Array.from({ length: 1 + (draw.surplus[index] ?? 0) }, () =>
              makeEmployee({ unit: id, role: "GURU_IPA" }),
            ),
          ),
          compatibility: [{ from: "GURU_IPA", to: "GURU_KELAS" }],
          policy: { maxMovesPerUnit: null, maxMovesOutPerUnit: draw.out, maxMovesInPerUnit: draw.into },
        });
        const first = await planTransfers(input);
        const second = await planTransfers({ ...input, inFlight: asPending(first.moves) });
        expect(pairs(second.moves)).toEqual(pairs(first.moves));
        expect(second.dropped).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it("gives the whole limit to the plan when nothing is pending, and a share when plans holding moves follow", async () => {
    const limits: number[] = [];
    const kilometres: Array<boolean | undefined> = [];
    const recording: SolveOnce = (_instance, options) => {
      limits.push(options.timeLimitSeconds ?? Number.NaN);
      kilometres.push(options.kilometres);
      return Promise.reject(new Error("recorded"));
    };
    const input = district();
    const first = await planTransfers(input);
    const started = performance.now();
    const committedOnly = first.moves.map(({ employee, to, role }) => ({
      employee,
      to,
      role,
      state: "committed" as const,
    }));
    await expect(
      planWithInFlight({ ...input, inFlight: committedOnly }, { timeLimitSeconds: 60 }, started, recording),
    ).rejects.toThrow("recorded");
    await expect(
      planWithInFlight(
        { ...input, inFlight: asPending(first.moves) },
        { timeLimitSeconds: 60 },
        started,
        recording,
      ),
    ).rejects.toThrow("recorded");
    // The first: what is left of 60 s (a little less, as time passed); the second: 40 % of it.
    expect(limits[0]).toBeGreaterThan(55);
    expect(limits[0]).toBeLessThanOrEqual(60);
    expect(limits[1]).toBe(24);
    // The reference plan before plans holding moves answers for tiers 1 and 2: no kilometre tier.
    expect(kilometres).toEqual([undefined, false]);
  });
});
