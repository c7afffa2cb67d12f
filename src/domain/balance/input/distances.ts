import { EARTH_RADIUS_KM } from "../../geo.ts";

/** Distances are compared with a little slack so that a bound typed as 120 admits a move of 120.0000001 km. */
const DISTANCE_SLACK_KM = 1e-9;

/** What distances need of an instance (input/instance.ts): where each unit is, and the distance bound. */
interface Places {
  unitCount: number;
  hasCoordinates: Uint8Array;
  latRad: Float64Array;
  lonRad: Float64Array;
  cosLat: Float64Array;
  maxDistanceKm: number;
}

/** Haversine term of two units; 2R·asin(√h) is the distance. */
function haversineTerm(instance: Places, a: number, b: number): number {
  const dLat = (instance.latRad[b] ?? 0) - (instance.latRad[a] ?? 0);
  const dLon = (instance.lonRad[b] ?? 0) - (instance.lonRad[a] ?? 0);
  const sinLat = Math.sin(dLat / 2);
  const sinLon = Math.sin(dLon / 2);
  return sinLat * sinLat + (instance.cosLat[a] ?? 0) * (instance.cosLat[b] ?? 0) * sinLon * sinLon;
}

/** A number that orders pairs of units as their distance does, cheaper than the distance itself. */
export function distanceRank(instance: Places, a: number, b: number): number {
  if (!instance.hasCoordinates[a] || !instance.hasCoordinates[b]) return 0;
  return haversineTerm(instance, a, b);
}

/** Length of a move; 0 when either unit has no coordinates (DESIGN.md, "Plan format"). */
export function distanceKm(instance: Places, a: number, b: number): number {
  if (!instance.hasCoordinates[a] || !instance.hasCoordinates[b]) return 0;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(haversineTerm(instance, a, b))));
}

/**
 * Whether a move from a to b may be shorter than `km`: false only where it certainly is not, from the
 * haversine term with a margin above rounding, so that no distance is computed for most pairs.
 */
export function mayBeShorter(instance: Places, a: number, b: number, km: number): boolean {
  if (km <= 0) return false;
  if (!instance.hasCoordinates[a] || !instance.hasCoordinates[b]) return true;
  const half = km / (2 * EARTH_RADIUS_KM);
  if (half >= Math.PI / 2) return true;
  return haversineTerm(instance, a, b) <= Math.sin(half) ** 2 * (1 + 1e-9) + 1e-15;
}

/**
 * For each unit, the other units it may not reach under the distance bound (usually few, so lists
 * beat a full matrix). Empty lists when there is no bound.
 */
export function unreachableUnits(instance: Places): Int32Array[] {
  const lists: number[][] = Array.from({ length: instance.unitCount }, () => []);
  if (Number.isFinite(instance.maxDistanceKm)) {
    const reachable = reachability(instance);
    for (let a = 0; a < instance.unitCount; a++) {
      for (let b = a + 1; b < instance.unitCount; b++) {
        if (reachable(a, b)) continue;
        lists[a]?.push(b);
        lists[b]?.push(a);
      }
    }
  }
  return lists.map((list) => Int32Array.from(list));
}

/** Builds a fast test for "a move from a to b is allowed": other unit, within the distance bound. */
export function reachability(instance: Places): (a: number, b: number) => boolean {
  if (!Number.isFinite(instance.maxDistanceKm)) return (a, b) => a !== b;
  const limit =
    Math.sin(Math.min(Math.PI / 2, (instance.maxDistanceKm + DISTANCE_SLACK_KM) / (2 * EARTH_RADIUS_KM))) **
    2;
  return (a, b) =>
    a !== b &&
    (!instance.hasCoordinates[a] || !instance.hasCoordinates[b] || haversineTerm(instance, a, b) <= limit);
}
