import type { UnitLoad } from "./balance/index.ts";
import { greatCircleKm, type Place } from "./geo.ts";

/** How many places a certified teacher under the standard is told about. */
export const FULL_LOAD_PLACES = 3;

/** Hours are sums of decimals; a shortage below this is none. */
const EPSILON = 1e-9;

/** A unit as the notice names it. */
export interface FullLoadUnit extends Place {
  code: string;
  name: string;
}

/** A unit still short after the plan, in roles the teacher may fill. */
export interface FullLoadPlace {
  unit: FullLoadUnit;
  /** Great-circle km from the teacher's unit; null when either unit has no coordinates. */
  km: number | null;
  /** Shortages there after the plan, by role code, largest first. */
  short: Array<{ role: string; hours: number }>;
}

/**
 * Where a certified teacher teaching under the standard could find the hours they lack (the
 * tunjangan profesi needs 24 JP, PP 74/2008 Pasal 52): units other than their own that are still short
 * after the plan in their role or a role they may fill, nearest first (units without coordinates
 * last, by code), at most three.
 */
export function fullLoadPlaces(input: {
  /** The teacher's unit code and role code. */
  unit: string;
  role: string;
  /** Roles the teacher may fill, their own included. */
  fillable: ReadonlySet<string>;
  units: ReadonlyMap<string, FullLoadUnit>;
  loads: readonly UnitLoad[];
}): FullLoadPlace[] {
  const home = input.units.get(input.unit);
  const places: FullLoadPlace[] = [];
  for (const load of input.loads) {
    if (load.unit === input.unit) continue;
    const unit = input.units.get(load.unit);
    if (unit === undefined) continue;
    const short = load.roles
      .filter((role) => input.fillable.has(role.role) && role.unmetAfter > EPSILON)
      .map((role) => ({ role: role.role, hours: role.unmetAfter }))
      .sort((a, b) => b.hours - a.hours || (a.role < b.role ? -1 : 1));
    if (short.length === 0) continue;
    const located = home?.lat != null && home.lon != null && unit.lat != null && unit.lon != null;
    places.push({ unit, km: located ? greatCircleKm(home, unit) : null, short });
  }
  return places
    .sort(
      (a, b) =>
        (a.km ?? Infinity) - (b.km ?? Infinity) ||
        (a.unit.code < b.unit.code ? -1 : a.unit.code > b.unit.code ? 1 : 0),
    )
    .slice(0, FULL_LOAD_PLACES);
}
