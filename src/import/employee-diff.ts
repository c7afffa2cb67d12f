import type { AsnKind } from "../domain/nip.ts";
import type { EmployeeOrigin } from "./columns.ts";
import type { EmployeeInput, Sex } from "./employee-row.ts";
import { NEW_ROLE, roleCodeFromName, type RoleIndex } from "./employee-roles.ts";
import type { EmployeeStatusCode } from "./employee-siasn.ts";
import { emptyDiff, record, type Diff } from "./import-diff.ts";
import { rejectInput, type Rejected } from "./parse-rows.ts";

/** An employee as an import leaves it; null is "nobody has said". */
export interface EmployeeTarget {
  nip: string;
  name: string;
  unitCode: string;
  roleCode: string;
  /** Capacity: the role's standard for a teacher (24 JP, PP 74/2008 Pasal 52), else the file's hours. */
  weeklyHours: number;
  /** JJM: hours actually taught. */
  hoursTaught: number | null;
  birthDate: Date;
  postSince: Date;
  status: EmployeeStatusCode;
  legalStatus: string | null;
  asnKind: AsnKind;
  pnsId: string | null;
  nuptk: string | null;
  titleFront: string | null;
  titleBack: string | null;
  sex: Sex | null;
  golongan: string | null;
  tmtGolongan: Date | null;
  jabatanName: string | null;
  jabatanKind: string | null;
  jenjang: string | null;
  educationLevel: string | null;
  education: string | null;
  certified: boolean;
  certifiedSubject: string | null;
  subject: string | null;
  /** Which export set the unit and the role. */
  unitSource: EmployeeOrigin | null;
  roleSource: EmployeeOrigin | null;
}

/** A stored employee as the diff reads it (unit and role by code). */
export type StoredEmployee = Omit<EmployeeTarget, "nip">;

export interface EmployeeRefs {
  /** The unit's own code for any code that names it (project code, NPSN, UNOR ID), or null when none does. */
  resolveUnit(ref: string): string | null;
  /** The stored roles, by code, SIASN name and Dapodik label. */
  roles: RoleIndex;
  /** A plain file names its roles (a role name column): an unknown role code then defines a role. */
  canCreateRole: boolean;
}

export interface EmployeeDiff extends Diff<EmployeeTarget> {
  /** Roles the file creates: code → name. */
  newRoles: Map<string, string>;
  /** Rows imported with the stored unit kept, because the other source put the person elsewhere. */
  unitConflicts: Rejected[];
}

export function diffEmployees(
  inputs: EmployeeInput[],
  stored: ReadonlyMap<string, StoredEmployee>,
  refs: EmployeeRefs,
): EmployeeDiff {
  const diff: EmployeeDiff = { ...emptyDiff<EmployeeTarget>(), newRoles: new Map(), unitConflicts: [] };
  for (const input of inputs) {
    const existing = stored.get(input.nip) ?? null;
    const target = employeeTarget(input, existing, refs, diff.newRoles);
    if ("reason" in target) {
      diff.rejected.push(rejectInput(input, input.nip, target.reason));
      continue;
    }
    if (target.newRole) diff.newRoles.set(target.employee.roleCode, target.newRole);
    if (target.conflict) {
      diff.unitConflicts.push(
        rejectInput(input, input.nip, { code: "unit_conflict", params: target.conflict }),
      );
    }
    const employee = target.employee;
    record(diff, "employee", employee.nip, employee, existing && changedEmployeeFields(existing, employee));
  }
  return diff;
}

/**
 * The fields compared, by the name the change list shows; the sources change only with the unit or
 * role they describe. Field by field, without building objects: 50,000 rows are compared per import.
 */
const COMPARED: Array<[string, keyof StoredEmployee]> = [
  ["name", "name"],
  ["unit", "unitCode"],
  ["role", "roleCode"],
  ["hours", "weeklyHours"],
  ["hoursTaught", "hoursTaught"],
  ["birthDate", "birthDate"],
  ["postSince", "postSince"],
  ["status", "status"],
  ["legalStatus", "legalStatus"],
  ["asnKind", "asnKind"],
  ["pnsId", "pnsId"],
  ["nuptk", "nuptk"],
  ["titleFront", "titleFront"],
  ["titleBack", "titleBack"],
  ["sex", "sex"],
  ["golongan", "golongan"],
  ["tmtGolongan", "tmtGolongan"],
  ["jabatanName", "jabatanName"],
  ["jabatanKind", "jabatanKind"],
  ["jenjang", "jenjang"],
  ["educationLevel", "educationLevel"],
  ["education", "education"],
  ["certified", "certified"],
  ["certifiedSubject", "certifiedSubject"],
  ["subject", "subject"],
];

function changedEmployeeFields(before: StoredEmployee, after: StoredEmployee): string[] {
  const changed: string[] = [];
  for (const [label, key] of COMPARED) {
    const a = before[key] ?? null;
    const b = after[key] ?? null;
    const same = a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
    if (!same) changed.push(label);
  }
  return changed;
}

type Reason = Rejected["reason"];

interface RoleChoice {
  code: string;
  source: EmployeeOrigin | null;
  /** Set when the row creates the role: its name. */
  create?: string;
}

/** SIASN and Dapodik are the two sources that may disagree; a plain file or the same source updates. */
function isOtherSource(stored: EmployeeOrigin | null, row: EmployeeOrigin): boolean {
  return stored !== null && stored !== "FILE" && row !== "FILE" && stored !== row;
}

function chooseRole(
  input: EmployeeInput,
  existing: StoredEmployee | null,
  refs: EmployeeRefs,
  newRoles: ReadonlyMap<string, string>,
): RoleChoice | { reason: Reason } {
  const keep = existing ? { code: existing.roleCode, source: existing.roleSource } : null;
  const known = (code: string) => refs.roles.info(code) !== null || newRoles.has(code);
  if (input.origin === "DAPODIK") {
    // Dapodik's Jenis PTK + Mata Pelajaran is the teaching role.
    if (!input.ptkKind) return keep ?? { reason: { code: "dapodik_role_missing" } };
    const code = refs.roles.byDapodik(input.ptkKind, input.subject);
    const label = [input.ptkKind, input.subject].filter(Boolean).join(" ");
    return code
      ? { code, source: "DAPODIK" }
      : { reason: { code: "dapodik_role_unknown", params: { label } } };
  }
  if (input.origin === "SIASN") {
    // A role Dapodik set (the teaching role) beats SIASN's broader jabatan ("Guru").
    if (existing?.roleSource === "DAPODIK" || !input.siasnRole)
      return keep ?? { reason: { code: "role_missing" } };
    const found = refs.roles.bySiasnName(input.siasnRole);
    // A role a name guessed and nobody reviewed ("Guru", 37.5 h) does not replace one a person has.
    if (found && (!keep || !refs.roles.info(found)?.needsReview)) return { code: found, source: "SIASN" };
    if (keep) return keep;
    const code = roleCodeFromName(input.siasnRole);
    return known(code) ? { code, source: "SIASN" } : { code, source: "SIASN", create: input.siasnRole };
  }
  if (!input.role) return keep ?? { reason: { code: "role_missing" } };
  if (known(input.role)) return { code: input.role, source: "FILE" };
  // A role code alone could be a typo; with a role name beside it the file defines the role.
  if (!refs.canCreateRole || !input.roleName)
    return { reason: { code: "role_unknown", params: { code: input.role } } };
  return { code: input.role, source: "FILE", create: input.roleName };
}

function employeeTarget(
  input: EmployeeInput,
  existing: StoredEmployee | null,
  refs: EmployeeRefs,
  newRoles: ReadonlyMap<string, string>,
):
  | { employee: EmployeeTarget; newRole?: string; conflict?: { siasn: string; dapodik: string } }
  | { reason: Reason } {
  // Who the person is (name, birth date, sex) is SIASN's record; Dapodik only fills it for someone new,
  // or its "Yosef Gebze" and SIASN's "YOSEF GEBZE" would overwrite each other on every import.
  const identity: Partial<Pick<EmployeeInput, "name" | "birthDate" | "sex">> =
    input.origin === "DAPODIK" && existing ? {} : input;
  const name = identity.name ?? existing?.name;
  if (!name) return { reason: { code: "name_missing" } };
  const fileUnit = input.unit ? refs.resolveUnit(input.unit) : null;
  if (input.unit && !fileUnit) return { reason: { code: "unit_unknown", params: { code: input.unit } } };
  let unitCode = fileUnit ?? existing?.unitCode;
  if (!unitCode) return { reason: { code: "unit_missing" } };
  let unitSource = existing && existing.unitCode === unitCode ? existing.unitSource : input.origin;
  let conflict: { siasn: string; dapodik: string } | undefined;
  if (
    existing &&
    fileUnit &&
    fileUnit !== existing.unitCode &&
    isOtherSource(existing.unitSource, input.origin)
  ) {
    // Two exports disagree on where the person works: keep the stored unit and say so.
    const [siasn, dapodik] =
      input.origin === "SIASN" ? [fileUnit, existing.unitCode] : [existing.unitCode, fileUnit];
    conflict = { siasn, dapodik };
    unitCode = existing.unitCode;
    unitSource = existing.unitSource;
  }
  const role = chooseRole(input, existing, refs, newRoles);
  if ("reason" in role) return role;
  const roleInfo = refs.roles.info(role.code) ?? NEW_ROLE;
  const postSince =
    input.postSince ??
    existing?.postSince ??
    // Dapodik has no TMT jabatan: the start of service stands in until SIASN's TMT_JABATAN replaces it.
    (input.origin === "DAPODIK" ? input.serviceStart : undefined);
  if (!postSince) return { reason: { code: "post_missing" } };
  // A teacher's capacity is the role's standard; what the file says they teach is hours taught (JJM).
  const taught = input.origin === "DAPODIK" || roleInfo.isTeacher ? input.hours : undefined;
  const capacity = taught === undefined ? input.hours : undefined;
  const certified = input.certified ?? existing?.certified ?? false;
  const employee: EmployeeTarget = {
    nip: input.nip,
    name,
    unitCode,
    roleCode: role.code,
    weeklyHours: roleInfo.isTeacher
      ? roleInfo.standardHours
      : (capacity ?? existing?.weeklyHours ?? roleInfo.standardHours),
    hoursTaught: taught ?? existing?.hoursTaught ?? null,
    birthDate: identity.birthDate ?? existing?.birthDate ?? input.nipBirthDate,
    postSince,
    status: input.status ?? existing?.status ?? "AKTIF",
    legalStatus: input.legalStatus ?? existing?.legalStatus ?? null,
    asnKind: input.asnKind,
    pnsId: input.pnsId ?? existing?.pnsId ?? null,
    nuptk: input.nuptk ?? existing?.nuptk ?? null,
    titleFront: input.titleFront ?? existing?.titleFront ?? null,
    titleBack: input.titleBack ?? existing?.titleBack ?? null,
    sex: identity.sex ?? (existing ? existing.sex : input.nipSex),
    golongan: input.golongan ?? existing?.golongan ?? null,
    tmtGolongan: input.tmtGolongan ?? existing?.tmtGolongan ?? null,
    jabatanName: input.jabatanName ?? existing?.jabatanName ?? null,
    jabatanKind: input.jabatanKind ?? existing?.jabatanKind ?? null,
    jenjang: input.jenjang ?? existing?.jenjang ?? null,
    educationLevel: input.educationLevel ?? existing?.educationLevel ?? null,
    education: input.education ?? existing?.education ?? null,
    certified,
    certifiedSubject: certified ? (input.certifiedSubject ?? existing?.certifiedSubject ?? null) : null,
    subject: input.subject ?? existing?.subject ?? null,
    unitSource,
    roleSource: existing && existing.roleCode === role.code ? existing.roleSource : role.source,
  };
  return { employee, ...(role.create ? { newRole: role.create } : {}), ...(conflict ? { conflict } : {}) };
}
