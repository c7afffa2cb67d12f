import { abkBand, loadRatio, type AbkBand } from "./workload.ts";
import { sumHoursTotals, type HoursTotals } from "./hours.ts";

/** What a unit adds to its kecamatan's line. */
export interface UnitTotals {
  code: string;
  kecamatan: string | null;
  kecamatanCode: string | null;
  demand: number;
  capacity: number;
  unmet: number;
  /** Demand, capacity and unmet hours with JP and jam apart. */
  hours: HoursTotals;
  certifiedUnderStandard: number;
}

/** A kecamatan (district subdivision, Kemendagri code "93.01.05") and the load of its units. */
export interface KecamatanTotals {
  /** null: the units whose kecamatan is not known yet, listed last. */
  code: string | null;
  name: string | null;
  units: number;
  /** The codes of those units, in order. */
  unitCodes: string[];
  demand: number;
  capacity: number;
  unmet: number;
  /** Demand, capacity and unmet hours with JP and jam apart. */
  hours: HoursTotals;
  ratio: number;
  band: AbkBand;
  certifiedUnderStandard: number;
}

const groupKey = (u: { kecamatan: string | null; kecamatanCode: string | null }) =>
  u.kecamatanCode ?? (u.kecamatan === null ? null : `name:${u.kecamatan.toLowerCase()}`);

/** Orders units by kecamatan name, unknown last; ties keep their order (sort is stable). */
export function compareKecamatan(
  a: { kecamatan: string | null; kecamatanCode: string | null },
  b: { kecamatan: string | null; kecamatanCode: string | null },
): number {
  const ka = groupKey(a);
  const kb = groupKey(b);
  if (ka === kb) return 0;
  if (ka === null) return 1;
  if (kb === null) return -1;
  return (a.kecamatan ?? ka).localeCompare(b.kecamatan ?? kb, "id") || ka.localeCompare(kb);
}

/** One line per kecamatan (by code, else by name), in compareKecamatan's order. */
export function totalsByKecamatan(units: UnitTotals[]): KecamatanTotals[] {
  const groups = new Map<string | null, { first: UnitTotals; members: UnitTotals[] }>();
  for (const unit of [...units].sort(compareKecamatan)) {
    const k = groupKey(unit);
    const group = groups.get(k) ?? { first: unit, members: [] };
    group.members.push(unit);
    groups.set(k, group);
  }
  return [...groups.values()].map(({ first, members }) => {
    const sum = (pick: (u: UnitTotals) => number) => members.reduce((total, u) => total + pick(u), 0);
    const demand = sum((u) => u.demand);
    const capacity = sum((u) => u.capacity);
    const ratio = loadRatio(demand, capacity);
    return {
      code: first.kecamatanCode,
      name: members.find((u) => u.kecamatan !== null)?.kecamatan ?? null,
      units: members.length,
      unitCodes: members.map((u) => u.code),
      demand,
      capacity,
      unmet: sum((u) => u.unmet),
      hours: sumHoursTotals(members.map((u) => u.hours)),
      ratio,
      band: abkBand(ratio),
      certifiedUnderStandard: sum((u) => u.certifiedUnderStandard),
    };
  });
}
