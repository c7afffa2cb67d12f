import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  parsePlanInput,
  planTransfers,
  planTransfersGreedy,
  type Plan,
  type PlanInput,
} from "../../../src/domain/balance/index.ts";
import { assignRows, type Cost } from "../../../src/domain/balance/output/choose-people.ts";
import { east, expectConsistent, makeEmployee, makeInput, makeRole, makeUnit, nip } from "./builders.ts";

const A = makeUnit({ id: "A", lat: -8.4, lon: 140.4 });
const B = makeUnit({ id: "B", ...east(-8.4, 140.4, 10) });
const C = makeUnit({ id: "C", ...east(-8.4, 140.4, 20) });

/** School A has three interchangeable teachers and needs one; B (and C) need one each. */
function surplusAt(
  employees: Array<{ volunteer?: boolean; preferredUnits?: string[]; excludedUnits?: string[] }>,
  needC = false,
): PlanInput {
  return makeInput({
    version: 2,
    units: [A, B, C],
    roles: [makeRole({ id: "GURU_KELAS" })],
    demand: [
      { unit: "A", role: "GURU_KELAS", hours: 24 },
      { unit: "B", role: "GURU_KELAS", hours: 24 },
      ...(needC ? [{ unit: "C", role: "GURU_KELAS", hours: 24 }] : []),
    ],
    employees: employees.map((wish, index) => ({
      ...makeEmployee({ id: nip(index + 1), unit: "A", role: "GURU_KELAS" }),
      ...wish,
    })),
  });
}

const methods = [
  ["exact", (input: PlanInput) => planTransfers(input)],
  ["greedy", (input: PlanInput) => Promise.resolve(planTransfersGreedy(input))],
] as const;

describe("plan v2 tiers 5 and 6: volunteers first, then stated destinations", () => {
  it.each(methods)("%s: a volunteer goes ahead of colleagues with lower NIPs", async (_, plan) => {
    const result = await plan(surplusAt([{}, {}, { volunteer: true }]));
    expect(result.moves.map((move) => [move.employee, move.to])).toEqual([[nip(3), "B"]]);
    expect(result.metrics).toMatchObject({ moves: 1, unmetAfter: 0, volunteersMoved: 1 });
    expect(result.moves[0]?.reason).toContain("bersedia (sukarela)");
  });

  it.each(methods)(
    "%s: a volunteer turned down by another school still goes ahead of colleagues",
    async (_, plan) => {
      // The volunteer may not be sent to C (a rejection in its cooldown), which sets her apart from her
      // colleagues for the solvers, but not for B: before, the lowest NIP went to B instead.
      const result = await plan(surplusAt([{}, {}, { volunteer: true, excludedUnits: ["C"] }]));
      expect(result.moves.map((move) => [move.employee, move.to])).toEqual([[nip(3), "B"]]);
      expect(result.metrics).toMatchObject({ moves: 1, unmetAfter: 0, volunteersMoved: 1 });
    },
  );

  it.each(methods)("%s: a volunteer is not sent where she was turned down", async (_, plan) => {
    const result = await plan(surplusAt([{}, {}, { volunteer: true, excludedUnits: ["B"] }]));
    expect(result.moves.map((move) => [move.employee, move.to])).toEqual([[nip(1), "B"]]);
    expect(result.metrics).toMatchObject({ moves: 1, volunteersMoved: 0 });
  });

  it.each(methods)("%s: without wishes the lowest NIP goes, as before", async (_, plan) => {
    const result = await plan(surplusAt([{}, {}, {}]));
    expect(result.moves.map((move) => move.employee)).toEqual([nip(1)]);
    expect(result.metrics).toMatchObject({ volunteersMoved: 0, preferredDestinationsMet: 0 });
    expect(result.moves[0]?.reason).not.toContain("sukarela");
  });

  it.each(methods)("%s: who goes where follows the stated destinations", async (_, plan) => {
    // Two of three leave, to B and C; the first asked for C, the third for B.
    const result = await plan(surplusAt([{ preferredUnits: ["C"] }, {}, { preferredUnits: ["B"] }], true));
    const where = Object.fromEntries(result.moves.map((move) => [move.employee, move.to]));
    expect(where).toEqual({ [nip(1)]: "C", [nip(3)]: "B" });
    expect(result.metrics).toMatchObject({ moves: 2, preferredDestinationsMet: 2, volunteersMoved: 0 });
    expect(result.moves.every((move) => move.reason.includes("tujuan yang diminta"))).toBe(true);
  });

  it("a volunteer outranks a stated destination, and a stated destination never adds a move", async () => {
    const result = await planTransfers(
      surplusAt([{ preferredUnits: ["B"] }, { volunteer: true }, { preferredUnits: ["C"], volunteer: true }]),
    );
    // One leaves (only B is short): both volunteers tie on tier 5; the one who asked for C cannot get it.
    expect(result.moves.map((move) => [move.employee, move.to])).toEqual([[nip(2), "B"]]);
    expect(result.metrics).toMatchObject({ moves: 1, volunteersMoved: 1, preferredDestinationsMet: 0 });
  });

  it("the English reason says so too", async () => {
    const result = await planTransfers(surplusAt([{}, { volunteer: true, preferredUnits: ["B"] }]), {
      locale: "en",
    });
    expect(result.moves[0]?.reason).toMatch(/willing \(volunteer\), a destination they asked for\.$/);
  });
});

describe("validation of volunteer and preferredUnits", () => {
  it("names the row of an unknown preferred unit", () => {
    const input = surplusAt([{}, { preferredUnits: ["B", "Z-99"] }]);
    expect(() => parsePlanInput(input)).toThrow(
      `employees[1] (id ${nip(2)}): preferredUnits unit "Z-99" is unknown`,
    );
  });

  it("refuses wrong types with the row named", () => {
    const input = surplusAt([
      { volunteer: "ya" as unknown as boolean },
      { preferredUnits: "B" as unknown as string[] },
    ]);
    expect(() => parsePlanInput(input)).toThrow(
      /employees\[0\] \(id \d{18}\): volunteer must be true or false/,
    );
    expect(() => parsePlanInput(input)).toThrow(
      /employees\[1\] \(id \d{18}\): preferredUnits must be a list of unit ids/,
    );
  });

  it("a v1 file may not carry them: they would be silently lost", () => {
    const input = { ...surplusAt([{ volunteer: true }, { preferredUnits: ["B"] }]), version: 1 as const };
    expect(() => parsePlanInput(input)).toThrow(`employees[0] (id ${nip(1)}): volunteer needs "version": 2`);
    expect(() => parsePlanInput(input)).toThrow(
      `employees[1] (id ${nip(2)}): preferredUnits needs "version": 2`,
    );
  });
});

/** Random districts where groups of interchangeable people hold wishes. */
function wishfulDistricts(): fc.Arbitrary<PlanInput> {
  return fc
    .record({
      places: fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })), {
        minLength: 4,
        maxLength: 4,
      }),
      compatible: fc.boolean(),
      people: fc.array(
        fc.record({
          unit: fc.nat(3),
          role: fc.constantFrom("A", "B"),
          hours: fc.constantFrom(12, 24, 24),
          volunteer: fc.boolean(),
          preferred: fc.subarray([0, 1, 2, 3], { maxLength: 2 }),
          excluded: fc.option(fc.nat(3), { freq: 3 }),
        }),
        { minLength: 4, maxLength: 9 },
      ),
      demand: fc.array(fc.constantFrom(0, 0, 12, 24, 48), { minLength: 8, maxLength: 8 }),
      maxMovesPerUnit: fc.constantFrom(null, 2),
    })
    .map((raw) =>
      makeInput({
        version: 2,
        units: raw.places.map(([x, y], index) =>
          makeUnit({ id: `U${index}`, lat: -8.4 + y / 111.2, lon: 140.4 + x / 110 }),
        ),
        roles: ["A", "B"].map((id) => makeRole({ id })),
        compatibility: raw.compatible ? [{ from: "A", to: "B" }] : [],
        employees: raw.people.map((person, index) => ({
          id: nip(index + 1),
          unit: `U${person.unit}`,
          role: person.role,
          hours: person.hours,
          movable: true,
          volunteer: person.volunteer,
          preferredUnits: person.preferred.map((unit) => `U${unit}`),
          ...(person.excluded !== null ? { excludedUnits: [`U${person.excluded}`] } : {}),
        })),
        demand: raw.demand.map((hours, index) => ({
          unit: `U${index % 4}`,
          role: index < 4 ? "A" : "B",
          hours,
        })),
        policy: { maxMovesPerUnit: raw.maxMovesPerUnit },
      }),
    );
}

/**
 * Few units, everyone at 24 hours and A always able to fill B: several groups of one unit often leave
 * together to fill B elsewhere, so people of different groups may trade destinations.
 */
function crowdedWishfulDistricts(): fc.Arbitrary<PlanInput> {
  return fc
    .record({
      people: fc.array(
        fc.record({
          unit: fc.nat(2),
          role: fc.constantFrom("A", "B"),
          volunteer: fc.boolean(),
          preferred: fc.subarray([0, 1, 2], { maxLength: 1 }),
          excluded: fc.option(fc.nat(2), { freq: 3 }),
        }),
        { minLength: 5, maxLength: 8 },
      ),
      demand: fc.array(fc.constantFrom(0, 24, 48), { minLength: 6, maxLength: 6 }),
    })
    .map((raw) =>
      makeInput({
        version: 2,
        units: [0, 1, 2].map((index) => makeUnit({ id: `U${index}`, ...east(-8.4, 140.4, index * 7) })),
        roles: ["A", "B"].map((id) => makeRole({ id })),
        compatibility: [{ from: "A", to: "B" }],
        employees: raw.people.map((person, index) => ({
          id: nip(index + 1),
          unit: `U${person.unit}`,
          role: person.role,
          hours: 24,
          movable: true,
          volunteer: person.volunteer,
          preferredUnits: person.preferred.map((unit) => `U${unit}`),
          ...(person.excluded !== null ? { excludedUnits: [`U${person.excluded}`] } : {}),
        })),
        demand: raw.demand.map((hours, index) => ({
          unit: `U${index % 3}`,
          role: index < 3 ? "A" : "B",
          hours,
        })),
      }),
    );
}

function permutations<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)], size - 1).map((rest) => [
      item,
      ...rest,
    ]),
  );
}

/**
 * Best (volunteers, stated destinations) over every way to re-staff each unit's departures, written
 * independently of the engine: the movers of one unit may be replaced by any movable people of the same
 * unit, role and hours (whatever units each may not be sent to) as long as each such set loses as many
 * people, and anyone may take a departure slot whose hours they have, whose role they may fill and whose
 * destination they may be sent to.
 */
function bruteForceWishes(input: PlanInput, plan: Plan): [number, number] {
  const byId = new Map(input.employees.map((employee) => [employee.id, employee]));
  const groupOf = (id: string) => {
    const employee = byId.get(id);
    return `${employee?.unit}|${employee?.role}|${employee?.hours}`;
  };
  const mayFill = (from: string, to: string) =>
    from === to || input.compatibility.some((row) => row.from === from && row.to === to);
  const departures = new Map<string, typeof plan.moves>();
  for (const move of plan.moves) departures.set(move.from, [...(departures.get(move.from) ?? []), move]);
  let volunteers = 0;
  let preferred = 0;
  for (const slots of departures.values()) {
    const leaving = new Map<string, number>();
    for (const move of slots)
      leaving.set(groupOf(move.employee), (leaving.get(groupOf(move.employee)) ?? 0) + 1);
    const members = input.employees.filter((e) => e.movable && e.hours > 0 && leaving.has(groupOf(e.id)));
    let best: [number, number] = [-1, -1];
    for (const chosen of permutations(members, slots.length)) {
      const counts = new Map<string, number>();
      for (const e of chosen) counts.set(groupOf(e.id), (counts.get(groupOf(e.id)) ?? 0) + 1);
      if ([...leaving].some(([group, count]) => counts.get(group) !== count)) continue;
      const fits = chosen.every((e, index) => {
        const slot = slots[index];
        const occupant = byId.get(slot?.employee ?? "");
        return (
          slot !== undefined &&
          e.hours === occupant?.hours &&
          mayFill(e.role, slot.role) &&
          !(e.excludedUnits ?? []).includes(slot.to)
        );
      });
      if (!fits) continue;
      const score: [number, number] = [
        chosen.filter((e) => e.volunteer).length,
        chosen.filter((e, index) => e.preferredUnits?.includes(slots[index]?.to ?? "")).length,
      ];
      if (score[0] > best[0] || (score[0] === best[0] && score[1] > best[1])) best = score;
    }
    volunteers += best[0];
    preferred += best[1];
  }
  return [volunteers, preferred];
}

function withoutWishes(input: PlanInput): PlanInput {
  return {
    ...input,
    employees: input.employees.map(({ volunteer: _v, preferredUnits: _p, ...employee }) => employee),
  };
}

describe("tiers 5 and 6 against brute force", () => {
  it("people of two groups leaving one school trade destinations to meet both wishes", async () => {
    // At U0 an A teacher (may fill B) and a B teacher both leave to fill B at U1 and U2 (the same km
    // either way round); each asked for the other's default destination.
    const input = makeInput({
      version: 2,
      units: [A, B, C].map((unit, index) => ({ ...unit, id: `U${index}` })),
      roles: ["A", "B"].map((id) => makeRole({ id })),
      compatibility: [{ from: "A", to: "B" }],
      employees: [
        { id: nip(1), unit: "U0", role: "A", hours: 24, movable: true, preferredUnits: ["U2"] },
        { id: nip(2), unit: "U0", role: "B", hours: 24, movable: true, preferredUnits: ["U1"] },
      ],
      demand: [
        { unit: "U1", role: "B", hours: 24 },
        { unit: "U2", role: "B", hours: 24 },
      ],
    });
    for (const [, plan] of methods) {
      const result = await plan(input);
      expect(Object.fromEntries(result.moves.map((move) => [move.employee, move.to]))).toEqual({
        [nip(1)]: "U2",
        [nip(2)]: "U1",
      });
      expect(result.metrics).toMatchObject({ moves: 2, unmetAfter: 0, preferredDestinationsMet: 2 });
    }
  });

  const districtsOf = {
    "sparse districts": { arbitrary: wishfulDistricts, numRuns: 40 },
    "crowded districts, where groups of one school trade destinations": {
      arbitrary: crowdedWishfulDistricts,
      numRuns: 150,
    },
  };
  describe.each(Object.entries(districtsOf))("%s", (_, { arbitrary, numRuns }) => {
    it.each(methods)(
      "%s: tiers 1–4 are those of the plan without wishes, and tiers 5–6 the best any re-staffing of each unit's departures gives",
      async (_, plan) => {
        await fc.assert(
          fc.asyncProperty(arbitrary(), async (input) => {
            const [wished, plain] = [await plan(input), await plan(withoutWishes(input))];
            expectConsistent(input, wished);
            for (const metric of ["unmetAfter", "severityAfter", "moves", "km"] as const) {
              expect(wished.metrics[metric]).toBeCloseTo(plain.metrics[metric], 6);
            }
            const [volunteers, preferred] = bruteForceWishes(input, wished);
            expect([wished.metrics.volunteersMoved, wished.metrics.preferredDestinationsMet]).toEqual([
              volunteers,
              preferred,
            ]);
            // The metrics count what the moves do.
            const byId = new Map(input.employees.map((employee) => [employee.id, employee]));
            const counted = wished.moves.filter((move) => byId.get(move.employee)?.volunteer).length;
            expect(counted).toBe(volunteers);
          }),
          { numRuns, seed: 20_261_202 },
        );
      },
    );
  });
});

describe("the assignment solver", () => {
  const lexLess = (a: number[], b: number[]) => {
    for (let t = 0; t < a.length; t++) if (a[t] !== b[t]) return (a[t] ?? 0) < (b[t] ?? 0);
    return false;
  };
  it("finds the lexicographically least total over every injective choice of columns", () => {
    const matrices = fc
      .record({ rows: fc.integer({ min: 1, max: 4 }), extra: fc.integer({ min: 0, max: 3 }) })
      .chain(({ rows, extra }) =>
        fc.record({
          rows: fc.constant(rows),
          columns: fc.constant(rows + extra),
          costs: fc.array(
            fc.tuple(fc.integer({ min: -1, max: 0 }), fc.integer({ min: -1, max: 0 }), fc.nat(6), fc.nat(9)),
            {
              minLength: rows * (rows + extra),
              maxLength: rows * (rows + extra),
            },
          ),
        }),
      );
    fc.assert(
      fc.property(matrices, ({ rows, columns, costs }) => {
        const cost = (row: number, column: number): Cost => costs[row * columns + column] ?? [0, 0, 0, 0];
        const total = (chosen: readonly number[]) =>
          chosen.reduce(
            (sum, column, row) => sum.map((value, t) => value + (cost(row, column)[t] ?? 0)),
            [0, 0, 0, 0],
          );
        const assignment = assignRows(rows, columns, 4, cost);
        expect(new Set(assignment).size).toBe(rows);
        expect(assignment.every((column) => column >= 0 && column < columns)).toBe(true);
        let best = [Infinity, Infinity, Infinity, Infinity];
        const columnsList = Array.from({ length: columns }, (_, index) => index);
        for (const chosen of permutations(columnsList, rows))
          if (lexLess(total(chosen), best)) best = total(chosen);
        expect(total(assignment)).toEqual(best);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
