import type { EmployeeInput } from "./employee-row.ts";
import { changedFields, emptyDiff, record, type Diff } from "./import-diff.ts";
import { rejectInput, type Rejected } from "./parse-rows.ts";

export interface EmployeeTarget {
  nip: string;
  name: string;
  unitCode: string;
  roleCode: string;
  weeklyHours: number;
  birthDate: Date;
  postSince: Date;
}

/** A stored employee as the diff reads it (unit and role by code). */
export type StoredEmployee = Omit<EmployeeTarget, "nip">;

/** Roles an import creates get the administrative default until an admin reviews them. */
const NEW_ROLE_HOURS = 37.5;

const day = (date: Date) => date.toISOString().slice(0, 10);

export interface EmployeeRefs {
  /** The unit's own code for any code that names it (project code, NPSN, UNOR ID), or null when none does. */
  resolveUnit(ref: string): string | null;
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

type Reason = Rejected["reason"];

function employeeTarget(
  input: EmployeeInput,
  existing: StoredEmployee | null,
  refs: EmployeeRefs & { roleHours(code: string): number | null },
): EmployeeTarget | { reason: Reason } {
  const name = input.name ?? existing?.name;
  if (!name) return { reason: { code: "name_missing" } };
  const fileUnit = input.unit ? refs.resolveUnit(input.unit) : null;
  if (input.unit && !fileUnit) return { reason: { code: "unit_unknown", params: { code: input.unit } } };
  const unitCode = fileUnit ?? existing?.unitCode;
  if (!unitCode) return { reason: { code: "unit_missing" } };
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
