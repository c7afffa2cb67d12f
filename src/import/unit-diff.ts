import { changedFields, emptyDiff, record, type Diff } from "./import-diff.ts";
import { rejectInput, unitCodes, type Rejected } from "./parse-rows.ts";
import type { UnitInput, UnitKindCode } from "./unit-row.ts";

export interface UnitTarget {
  code: string;
  name: string;
  kind: UnitKindCode;
  agencyCode: string;
  lat: number | null;
  lon: number | null;
  npsn: string | null;
  unorId: string | null;
  schoolStatus: string | null;
  kecamatanCode: string | null;
  kecamatan: string | null;
  desaCode: string | null;
  desa: string | null;
  rombel: number | null;
}

/** A stored unit as the diff reads it (its agency by code). */
export type StoredUnit = UnitTarget;

/** What is stored: units by their code, and every code that names one (code, NPSN, UNOR ID; upper case) to that unit's code. */
export interface StoredUnits {
  units: ReadonlyMap<string, StoredUnit>;
  unitRefs: ReadonlyMap<string, string>;
}

/** A change to a stored unit; `storedCode` is its code today (a unit known by its NPSN can get its project code). */
export type UnitUpdate = UnitTarget & { storedCode: string };

export interface UnitDiff extends Diff<UnitTarget> {
  updates: UnitUpdate[];
  newAgencies: Map<string, string>;
  /** Every code of every unit the file names, to that unit's code: employees of the same file find them. */
  refs: Map<string, string>;
}

type Reason = Rejected["reason"];

export function diffUnits(
  inputs: UnitInput[],
  stored: StoredUnits,
  agencyExists: (code: string) => boolean,
): UnitDiff {
  const diff: UnitDiff = { ...emptyDiff<UnitTarget>(), updates: [], newAgencies: new Map(), refs: new Map() };
  // The stored units rows of this file have matched, by code: a second row naming one is a duplicate.
  const claimed = new Map<string, number>();
  for (const input of inputs) {
    const found = findStored(input, stored);
    if ("reason" in found) {
      diff.rejected.push(rejectInput(input, input.key, found.reason));
      continue;
    }
    const existing = found.unit;
    const firstLine = existing ? claimed.get(existing.code) : undefined;
    const target =
      firstLine !== undefined
        ? { reason: { code: "duplicate", params: { line: firstLine } } as const }
        : unitTarget(input, existing);
    if ("reason" in target) {
      diff.rejected.push(rejectInput(input, input.key, target.reason));
      continue;
    }
    if (existing) claimed.set(existing.code, input.line);
    if (!agencyExists(target.agencyCode) && !diff.newAgencies.has(target.agencyCode)) {
      // An agency named only by its code is created with the code as its name; an admin renames it later.
      diff.newAgencies.set(target.agencyCode, input.agencyName ?? target.agencyCode);
    }
    for (const code of unitCodes({
      code: target.code,
      npsn: target.npsn ?? undefined,
      unorId: target.unorId ?? undefined,
    }))
      diff.refs.set(code, target.code);
    const fields = existing && changedFields(comparableUnit(existing), comparableUnit(target));
    if (existing && fields && fields.length > 0) {
      diff.updates.push({ ...target, storedCode: existing.code });
      diff.changes.push({ kind: "unit", key: target.code, action: "updated", fields });
    } else {
      record(diff, "unit", target.code, target, fields);
    }
  }
  return diff;
}

/** The one stored unit the row's codes name, none, or a reason when they name two. */
function findStored(input: UnitInput, stored: StoredUnits): { unit: StoredUnit | null } | { reason: Reason } {
  const matches: Array<{ ref: string; code: string }> = [];
  for (const ref of unitCodes(input)) {
    const code = stored.unitRefs.get(ref);
    if (code !== undefined && !matches.some((m) => m.code === code)) matches.push({ ref, code });
  }
  const [first, second] = matches;
  if (first && second)
    return {
      reason: {
        code: "unit_codes_conflict",
        params: { a: first.ref, unitA: first.code, b: second.ref, unitB: second.code },
      },
    };
  if (!first) return { unit: null };
  const unit = stored.units.get(first.code) ?? null;
  if (unit && input.code && input.code !== unit.code && unit.code !== unit.npsn && unit.code !== unit.unorId)
    return {
      reason: { code: "unit_code_taken", params: { ref: first.ref, unit: unit.code, code: input.code } },
    };
  return { unit };
}

function comparableUnit(u: UnitTarget) {
  return {
    code: u.code,
    name: u.name,
    kind: u.kind,
    agency: u.agencyCode,
    lat: u.lat,
    lon: u.lon,
    npsn: u.npsn,
    unorId: u.unorId,
    schoolStatus: u.schoolStatus,
    kecamatanCode: u.kecamatanCode,
    kecamatan: u.kecamatan,
    desaCode: u.desaCode,
    desa: u.desa,
    rombel: u.rombel,
  };
}

/** A value the file gives (null included: "no code"), else the stored one. */
function given<T>(value: T | undefined, stored: T | null | undefined): T | null {
  return value !== undefined ? value : (stored ?? null);
}

function unitTarget(input: UnitInput, existing: StoredUnit | null): UnitTarget | { reason: Reason } {
  const name = input.name ?? existing?.name;
  if (!name) return { reason: { code: "name_missing" } };
  const agencyCode = input.agency ?? existing?.agencyCode;
  if (!agencyCode) return { reason: { code: "agency_missing" } };
  return {
    // A unit without a project code is known by its NPSN, else its UNOR ID; a project code given
    // later replaces that (findStored refused a project code that differs from another one).
    code: input.code ?? existing?.code ?? input.key,
    name,
    kind: input.kind ?? existing?.kind ?? "LAINNYA",
    agencyCode,
    lat: given(input.lat, existing?.lat),
    lon: given(input.lon, existing?.lon),
    npsn: given(input.npsn, existing?.npsn),
    unorId: given(input.unorId, existing?.unorId),
    schoolStatus: given(input.schoolStatus, existing?.schoolStatus),
    kecamatanCode: given(input.kecamatanCode, existing?.kecamatanCode),
    kecamatan: given(input.kecamatan, existing?.kecamatan),
    desaCode: given(input.desaCode, existing?.desaCode),
    desa: given(input.desa, existing?.desa),
    rombel: given(input.rombel, existing?.rombel),
  };
}
