import fc from "fast-check";
import type { PlanInput } from "../../../src/domain/balance/index.ts";
import { makeInput, makeRole, nip, unitsAt } from "./builders.ts";
import { policyDraws } from "./drawn-districts.ts";

const ROLES = ["A", "B", "C", "D"];
/** Who may fill what: drawn from these, cycles (A↔B) included; D is a 37.5-jam role that may fill C. */
const FILLS = [
  ["A", "B"],
  ["B", "A"],
  ["C", "A"],
  ["A", "C"],
  ["B", "C"],
  ["D", "C"],
] as const;

/**
 * Districts as real files come beside what drawn-districts.ts draws: units without coordinates (0 km
 * from anywhere, within every distance bound), a role in jam (37.5 hours) beside the teachers' JP, needs
 * in several rows for one unit and role, drawn compatibility, volunteers and stated destinations,
 * rejections, and (v2) moves that took effect within the cap window, sometimes more than a cap allows.
 */
export function wideDistricts(): fc.Arbitrary<PlanInput> {
  const place = fc.tuple(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 80 }));
  return fc
    .record({
      units: fc.integer({ min: 3, max: 9 }),
      places: fc.array(fc.option(place, { freq: 4 }), { minLength: 9, maxLength: 9 }),
      privates: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
      mixed: fc.constantFrom(false, false, true),
      fills: fc.subarray([...FILLS]),
      people: fc.array(
        fc.record({
          unit: fc.nat(8),
          role: fc.constantFrom("A", "A", "B", "C", "D"),
          movable: fc.integer({ min: 0, max: 5 }).map((draw) => draw > 0),
          hours: fc.constantFrom(24, 24, 18, 12),
          excluded: fc.option(fc.nat(8), { freq: 5 }),
          volunteer: fc.boolean(),
          preferred: fc.array(fc.nat(8), { maxLength: 2 }),
        }),
        { minLength: 6, maxLength: 30 },
      ),
      needs: fc.array(
        fc.record({
          unit: fc.nat(8),
          role: fc.constantFrom(...ROLES),
          hours: fc.constantFrom(6, 12, 24, 36, 37.5, 48, 75, 96),
        }),
        { minLength: 2, maxLength: 30 },
      ),
      recent: fc.array(fc.tuple(fc.nat(8), fc.nat(8)), { maxLength: 4 }),
      version: fc.constantFrom<1 | 2>(1, 2, 2),
      ...policyDraws,
    })
    .map((raw) => {
      const { version } = raw;
      const at = (index: number) => `U${index % raw.units}`;
      const v2 = version === 2;
      const recent = raw.recent
        .map(([from, to]) => ({ from: at(from), to: at(to) }))
        .filter((move) => move.from !== move.to);
      return makeInput({
        version,
        units: unitsAt(raw.places.slice(0, raw.units)).map((unit, index) =>
          v2 && raw.privates[index] === true && index % 3 === 0 ? { ...unit, private: true } : unit,
        ),
        roles: ROLES.map((id) => makeRole({ id, ...(id === "D" ? { standardHours: 37.5 } : {}) })),
        compatibility: raw.fills.map(([from, to]) => ({ from, to })),
        employees: raw.people.map((person, index) => ({
          id: nip(index + 1),
          unit: at(person.unit),
          role: person.role,
          hours: person.role === "D" ? 37.5 : raw.mixed ? person.hours : 24,
          movable: person.movable,
          ...(v2 && !person.movable ? { why: "objection" as const } : {}),
          ...(v2 && person.excluded !== null ? { excludedUnits: [at(person.excluded)] } : {}),
          ...(v2 && person.volunteer ? { volunteer: true } : {}),
          ...(v2 && person.preferred.length > 0
            ? { preferredUnits: [...new Set(person.preferred.map(at))] }
            : {}),
        })),
        demand: raw.needs.map((row) => ({ unit: at(row.unit), role: row.role, hours: row.hours })),
        policy: {
          maxMovesPerUnit: raw.maxMovesPerUnit,
          maxDistanceKm: raw.maxDistanceKm,
          maxMoves: raw.maxMoves,
          ...(v2
            ? { maxMovesOutPerUnit: raw.maxMovesOutPerUnit, maxMovesInPerUnit: raw.maxMovesInPerUnit }
            : {}),
        },
        ...(v2 && recent.length > 0 ? { recentMoves: recent } : {}),
      });
    });
}

/** A week after a first plan: hires, objections, needs changed, some moves committed, moves taken effect. */
export const wideWeekChanges = fc.record({
  hires: fc.array(
    fc.record({ unit: fc.nat(8), role: fc.constantFrom(...ROLES), hours: fc.constantFrom(12, 24) }),
    { maxLength: 4 },
  ),
  objecting: fc.array(fc.nat(40), { maxLength: 3 }),
  needs: fc.array(fc.record({ at: fc.nat(40), hours: fc.constantFrom(0, 24, 48, 96) }), { maxLength: 3 }),
  committed: fc.array(fc.nat(40), { maxLength: 2 }),
  tookEffect: fc.array(fc.tuple(fc.nat(8), fc.nat(8)), { maxLength: 2 }),
});
