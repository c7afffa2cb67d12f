// Units gathered in cells of a grid, for searches by place (the why-nots' offers, greedy's donors): a
// cell's centre and radius bound, by the triangle inequality, how near or far any of its units can be.
import { distanceKm, type Instance } from "./instance.ts";

/** A millimetre: more than the rounding of any distance here, far less than any distance that matters. */
export const ROUNDING_KM = 1e-6;

export interface UnitCell<T> {
  items: T[];
  /** A unit of the cell, and the farthest any other unit of the cell is from it (km). */
  centre: number;
  radiusKm: number;
  /** Units without coordinates (0 km from every unit), or all of them when there is no grid. */
  everywhere: boolean;
}

/** Degrees across a grid cell: about a third of the distance bound, none without a bound. */
export function cellDegrees(instance: Instance): number | null {
  return Number.isFinite(instance.maxDistanceKm) ? Math.max(0.01, instance.maxDistanceKm / 3 / 111) : null;
}

/**
 * `items` by the grid cell of their unit (`degrees` across; one cell when null), in their order within
 * each cell. Units without coordinates share one cell, `everywhere`.
 */
export function unitCells<T>(
  instance: Instance,
  items: readonly T[],
  unitOf: (item: T) => number,
  degrees: number | null,
): UnitCell<T>[] {
  const byCell = new Map<string, { items: T[]; centre: number }>();
  for (const item of items) {
    const unit = unitOf(item);
    const place = instance.input.units[unit];
    const name =
      degrees !== null && instance.hasCoordinates[unit] && place
        ? `${Math.floor((place.lat ?? 0) / degrees)},${Math.floor((place.lon ?? 0) / degrees)}`
        : "everywhere";
    const cell = byCell.get(name);
    if (cell) cell.items.push(item);
    else byCell.set(name, { items: [item], centre: unit });
  }
  return [...byCell].map(([name, { items: members, centre }]) => {
    let radiusKm = 0;
    for (const item of members) radiusKm = Math.max(radiusKm, distanceKm(instance, centre, unitOf(item)));
    return { items: members, centre, radiusKm, everywhere: name === "everywhere" };
  });
}
