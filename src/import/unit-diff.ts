import { changedFields, emptyDiff, record, type Diff } from "./import-diff.ts";
import { rejectInput, type Rejected } from "./parse-rows.ts";
import type { UnitInput, UnitKindCode } from "./unit-row.ts";

export interface UnitTarget {
  code: string;
  name: string;
  kind: UnitKindCode;
  agencyCode: string;
  lat: number | null;
  lon: number | null;
}

/** A stored unit as the diff reads it (its agency by code). */
export type StoredUnit = Omit<UnitTarget, "code">;
export function diffUnits(
  inputs: UnitInput[],
  stored: ReadonlyMap<string, StoredUnit>,
  agencyExists: (code: string) => boolean,
): Diff<UnitTarget> & { newAgencies: Map<string, string> } {
  const diff = emptyDiff<UnitTarget>();
  const newAgencies = new Map<string, string>();
  for (const input of inputs) {
    const existing = stored.get(input.code) ?? null;
    const target = unitTarget(input, existing);
    if ("reason" in target) {
      diff.rejected.push(rejectInput(input, input.code, target.reason));
      continue;
    }
    if (!agencyExists(target.agencyCode) && !newAgencies.has(target.agencyCode)) {
      // An agency named only by its code is created with the code as its name; an admin renames it later.
      newAgencies.set(target.agencyCode, input.agencyName ?? target.agencyCode);
    }
    record(
      diff,
      "unit",
      target.code,
      target,
      existing && changedFields(comparableUnit(existing), comparableUnit(target)),
    );
  }
  return { ...diff, newAgencies };
}

function comparableUnit(u: StoredUnit) {
  return { name: u.name, kind: u.kind, agency: u.agencyCode, lat: u.lat, lon: u.lon };
}

type Reason = Rejected["reason"];

function unitTarget(input: UnitInput, existing: StoredUnit | null): UnitTarget | { reason: Reason } {
  const name = input.name ?? existing?.name;
  if (!name) return { reason: { code: "name_missing" } };
  const agencyCode = input.agency ?? existing?.agencyCode;
  if (!agencyCode) return { reason: { code: "agency_missing" } };
  return {
    code: input.code,
    name,
    kind: input.kind ?? existing?.kind ?? "LAINNYA",
    agencyCode,
    lat: input.lat ?? existing?.lat ?? null,
    lon: input.lon ?? existing?.lon ?? null,
  };
}
