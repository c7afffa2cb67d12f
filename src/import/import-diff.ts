// What an import changes, decided before anything is written: each row of the file against the
// stored record with the same key (unit code, NIP). Pure: the stored records come in as maps.
import type { EmployeeInput, Rejected, UnitInput, UnitKindCode } from "./parse-rows.ts";
import { rejectInput } from "./parse-rows.ts";

export interface UnitTarget {
  code: string;
  name: string;
  kind: UnitKindCode;
  agencyCode: string;
  lat: number | null;
  lon: number | null;
}

export interface EmployeeTarget {
  nip: string;
  name: string;
  unitCode: string;
  roleCode: string;
  weeklyHours: number;
  birthDate: Date;
  postSince: Date;
}

export interface Change {
  kind: "unit" | "employee";
  key: string;
  action: "created" | "updated";
  fields: string[];
}

/** A stored unit as the diff reads it (its agency by code). */
export type StoredUnit = Omit<UnitTarget, "code">;
/** A stored employee as the diff reads it (unit and role by code). */
export type StoredEmployee = Omit<EmployeeTarget, "nip">;

export interface Diff<T> {
  creates: T[];
  updates: T[];
  unchanged: number;
  changes: Change[];
  rejected: Rejected[];
}

/** Roles an import creates get the administrative default until an admin reviews them. */
const NEW_ROLE_HOURS = 37.5;

const day = (date: Date) => date.toISOString().slice(0, 10);

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

export interface EmployeeRefs {
  unitKnown(code: string): boolean;
  /** Standard hours of a stored role, or null when there is none with that code. */
  storedRoleHours(code: string): number | null;
  /** The file names its roles (a role name column): an unknown role code then defines a role. */
  canCreateRole: boolean;
}

export function diffEmployees(
  inputs: EmployeeInput[],
  stored: ReadonlyMap<string, StoredEmployee>,
  refs: EmployeeRefs,
): Diff<EmployeeTarget> & { newRoles: Map<string, string> } {
  const diff = emptyDiff<EmployeeTarget>();
  const newRoles = new Map<string, string>();
  for (const input of inputs) {
    const existing = stored.get(input.nip) ?? null;
    const roleHours = (code: string) =>
      refs.storedRoleHours(code) ?? (newRoles.has(code) ? NEW_ROLE_HOURS : null);
    const target = employeeTarget(input, existing, { ...refs, roleHours });
    if ("reason" in target) {
      diff.rejected.push(rejectInput(input, input.nip, target.reason));
      continue;
    }
    if (refs.storedRoleHours(target.roleCode) === null && !newRoles.has(target.roleCode))
      newRoles.set(target.roleCode, input.roleName ?? target.roleCode);
    record(
      diff,
      "employee",
      target.nip,
      target,
      existing && changedFields(comparable(existing), comparable(target)),
    );
  }
  return { ...diff, newRoles };
}

function emptyDiff<T>(): Diff<T> {
  return { creates: [], updates: [], unchanged: 0, changes: [], rejected: [] };
}

/** `fields` is null for a new record, else the fields that differ from the stored one. */
function record<T>(
  diff: Diff<T>,
  kind: Change["kind"],
  key: string,
  target: T,
  fields: string[] | null,
): void {
  if (fields === null) {
    diff.creates.push(target);
    diff.changes.push({ kind, key, action: "created", fields: [] });
  } else if (fields.length === 0) {
    diff.unchanged += 1;
  } else {
    diff.updates.push(target);
    diff.changes.push({ kind, key, action: "updated", fields });
  }
}

function comparableUnit(u: StoredUnit) {
  return { name: u.name, kind: u.kind, agency: u.agencyCode, lat: u.lat, lon: u.lon };
}

function comparable(e: StoredEmployee) {
  return {
    name: e.name,
    unit: e.unitCode,
    role: e.roleCode,
    hours: e.weeklyHours,
    birthDate: day(e.birthDate),
    postSince: day(e.postSince),
  };
}

function changedFields(before: object, after: object): string[] {
  const old = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  return Object.keys(now).filter((key) => (old[key] ?? null) !== (now[key] ?? null));
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

function employeeTarget(
  input: EmployeeInput,
  existing: StoredEmployee | null,
  refs: EmployeeRefs & { roleHours(code: string): number | null },
): EmployeeTarget | { reason: Reason } {
  const name = input.name ?? existing?.name;
  if (!name) return { reason: { code: "name_missing" } };
  const unitCode = input.unit ?? existing?.unitCode;
  if (!unitCode) return { reason: { code: "unit_missing" } };
  if (input.unit && !refs.unitKnown(input.unit))
    return { reason: { code: "unit_unknown", params: { code: input.unit } } };
  const roleCode = input.role ?? existing?.roleCode;
  if (!roleCode) return { reason: { code: "role_missing" } };
  let roleHours = refs.roleHours(roleCode);
  if (roleHours === null) {
    // A role code alone could be a typo; with a role name beside it the file defines the role.
    if (!refs.canCreateRole || !input.roleName)
      return { reason: { code: "role_unknown", params: { code: roleCode } } };
    roleHours = NEW_ROLE_HOURS;
  }
  const postSince = input.postSince ?? existing?.postSince;
  if (!postSince) return { reason: { code: "post_missing" } };
  return {
    nip: input.nip,
    name,
    unitCode,
    roleCode,
    weeklyHours: input.hours ?? existing?.weeklyHours ?? roleHours,
    birthDate: input.birthDate ?? existing?.birthDate ?? input.nipBirthDate,
    postSince,
  };
}
