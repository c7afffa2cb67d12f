import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildInstance } from "../../../src/domain/balance/index.ts";
import { distanceKm, reachability, type Instance } from "../../../src/domain/balance/input/instance.ts";
import { DonorLists } from "../../../src/domain/balance/greedy-donors.ts";
import { makeInput, makeRole, makeUnit, nip } from "./builders.ts";

/**
 * The search greedy made before the cells: each target role's groups in order, every group that cannot
 * give dropped for good, the nearest of the rest that may go to the unit (the first on a tie).
 */
class Scan {
  private readonly lists: number[][];

  constructor(
    private readonly instance: Instance,
    byTarget: readonly (readonly number[])[],
    private readonly able: (group: number) => boolean,
  ) {
    this.lists = byTarget.map((list) => [...list]);
  }

  nearest(role: number, unit: number, reachable: (from: number, to: number) => boolean): number {
    const list = this.lists[role] ?? [];
    let best = -1;
    let bestKm = Infinity;
    const kept = list.filter((group) => this.able(group));
    for (const group of kept) {
      const at = this.instance.groups[group];
      if (at === undefined || at.excluded.has(unit) || !reachable(at.unit, unit)) continue;
      const km = distanceKm(this.instance, at.unit, unit);
      if (km < bestKm) [best, bestKm] = [group, km];
    }
    this.lists[role] = kept;
    return best;
  }
}

const ROLES = ["GURU_KELAS", "GURU_IPA", "GURU_MTK"];

/** A few places units share (equal distances), or anywhere near Merauke. */
const place = fc.oneof(
  fc.constantFrom([-8.5, 140.4], [-8.45, 140.55], [-8.3, 140.3], [-8.6, 140.6]),
  fc.tuple(
    fc.double({ min: -8.7, max: -8.2, noNaN: true }),
    fc.double({ min: 140.2, max: 140.7, noNaN: true }),
  ),
);

/**
 * Units around Merauke (a fifth without coordinates, 0 km from everywhere), people of three roles, some
 * barred from a unit, and searches and changes in any order.
 */
const districts = fc.record({
  units: fc.array(fc.option(place, { freq: 4 }), { minLength: 2, maxLength: 30 }),
  people: fc.array(
    fc.record({
      unit: fc.nat(),
      role: fc.nat(ROLES.length - 1),
      hours: fc.constantFrom(24, 18, 12),
      barred: fc.option(fc.nat(), { freq: 4 }),
    }),
    { minLength: 1, maxLength: 60 },
  ),
  maxDistanceKm: fc.option(fc.constantFrom(10, 30, 80)),
  /** Searches (role, unit) and changes of whether a group can give, in any order. */
  steps: fc.array(
    fc.oneof(
      fc.record({ search: fc.constant(true), role: fc.nat(ROLES.length - 1), unit: fc.nat() }),
      fc.record({ search: fc.constant(false), group: fc.nat() }),
    ),
    { maxLength: 80 },
  ),
});

describe("greedy's nearest donor by cells (issue 30)", () => {
  it("answers every search as the scan over all groups did, drops included (random districts)", () => {
    fc.assert(
      fc.property(districts, (draw) => {
        const units = draw.units.map((at, index) =>
          makeUnit({ id: `U${index}`, lat: at?.[0] ?? null, lon: at?.[1] ?? null }),
        );
        const unitId = (n: number) => `U${n % units.length}`;
        const instance = buildInstance(
          makeInput({
            version: 2,
            units,
            roles: ROLES.map((id) => makeRole({ id })),
            compatibility: [
              { from: "GURU_IPA", to: "GURU_KELAS" },
              { from: "GURU_MTK", to: "GURU_KELAS" },
            ],
            employees: draw.people.map((person, index) => ({
              id: nip(index + 1),
              unit: unitId(person.unit),
              role: ROLES[person.role] ?? "GURU_KELAS",
              hours: person.hours,
              movable: true,
              ...(person.barred === null ? {} : { excludedUnits: [unitId(person.barred)] }),
            })),
            policy: { maxDistanceKm: draw.maxDistanceKm },
          }),
        );
        const byTarget: number[][] = ROLES.map(() => []);
        instance.groups.forEach((group, index) => {
          for (const role of instance.targets[group.role] ?? []) byTarget[role]?.push(index);
        });
        // Whether each group can give, as the test sets it: every third cannot at first.
        const able = instance.groups.map((_, index) => index % 3 !== 1);
        const cells = new DonorLists(instance, byTarget, (group) => able[group] ?? false);
        const scan = new Scan(instance, byTarget, (group) => able[group] ?? false);
        const reachable = reachability(instance);
        for (const step of draw.steps) {
          if (step.search) {
            const unit = step.unit % instance.unitCount;
            expect(cells.nearest(step.role, unit, reachable)).toBe(scan.nearest(step.role, unit, reachable));
          } else if (instance.groups.length > 0) {
            const group = step.group % instance.groups.length;
            able[group] = !able[group];
            cells.moved([instance.groups[group]?.unit ?? 0]);
          }
        }
      }),
      { numRuns: 600 },
    );
  });
});
