import { roleRetirementAge } from "../domain/retirement-age.ts";
import type { RoleField } from "./columns.ts";
import { parseNumber, type RejectReason } from "./parse-rows.ts";
import { cellText, type Cell, type RawRow } from "./read-file.ts";

export type HoursUnit = "JP" | "JAM";

/** A role as a jabatan row leaves it. */
export interface RoleTarget {
  code: string;
  name: string;
  isTeacher: boolean;
  standardHours: number;
  hoursUnit: HoursUnit;
  retirementAge: number;
  /** True when the row gave a `bup`: it then overrides the regulation for the role's people. */
  retirementAgeSet: boolean;
  hoursPerRombel: number | null;
  /** Kualifikasi pendidikan for the formasi sheet (issue 28); null: derived from the role. */
  qualification: string | null;
  /** Label key → label as written; null keeps the stored labels. */
  labels: Map<string, string> | null;
}

/** A role as stored, as far as a jabatan sheet can change it. */
export type StoredRole = Omit<RoleTarget, "labels"> & { id: number; needsReview: boolean };

/** A row that cannot be imported, with the reason as a locale key under import.reject.*. */
export class ReferenceRowError extends Error {
  constructor(readonly reason: RejectReason) {
    super(reason.code);
  }
}

export const fail = (code: RejectReason["code"], params?: RejectReason["params"]): never => {
  throw new ReferenceRowError(params ? { code, params } : { code });
};

/** How a Dapodik row's "Jenis PTK" + "Mata Pelajaran" is looked up: lower case, single spaces. */
export function dapodikLabelKey(label: string): string {
  return label.toLowerCase().replace(/\s+/g, " ").trim();
}

const YES = ["ya", "y", "yes", "true", "1"];
const NO = ["tidak", "t", "no", "n", "false", "0", "bukan"];

export function optionalText(cell: Cell): string | undefined {
  const value = cellText(cell).replace(/\s+/g, " ");
  return value === "" ? undefined : value;
}

/** The row as it was in the file, by header, for the rejects CSV. */
export function rowValues(headers: string[], row: RawRow): Record<string, string> {
  const values: Record<string, string> = {};
  headers.forEach((header, i) => {
    if (header) values[header] = cellText(row.cells[i]);
  });
  return values;
}

export function cellOf<F extends string>(columns: Partial<Record<F, number>>, row: RawRow) {
  return (field: F): Cell => {
    const index = columns[field];
    return index === undefined ? null : (row.cells[index] ?? null);
  };
}

function numberIn(cell: Cell, column: string, min: number, max: number, integer = false): number | undefined {
  const value = parseNumber(cell);
  if (value === null) return undefined;
  if (Number.isNaN(value) || value < min || value > max || (integer && !Number.isInteger(value)))
    return fail("ref_number_invalid", { column, value: cellText(cell), min, max });
  return value;
}

/**
 * One jabatan row. Empty cells keep what is stored (or a sensible default for a new role), except
 * `bup`: empty means the regulation decides (a teacher 60, else by each person's jenjang), and the
 * role's age stays "from the rule".
 */
export function parseRoleRow(get: (field: RoleField) => Cell, stored: StoredRole | undefined): RoleTarget {
  const code = optionalText(get("code"))?.toUpperCase();
  if (!code) return fail("ref_code_missing");
  const name = optionalText(get("name")) ?? stored?.name;
  if (!name) return fail("name_missing");
  const teacherText = optionalText(get("teacher"))?.toLowerCase();
  let isTeacher = stored?.isTeacher ?? false;
  if (teacherText !== undefined) {
    if (YES.includes(teacherText)) isTeacher = true;
    else if (NO.includes(teacherText)) isTeacher = false;
    else return fail("ref_teacher_invalid", { value: cellText(get("teacher")) });
  }
  const unitText = optionalText(get("unit"))?.toUpperCase();
  if (unitText !== undefined && unitText !== "JP" && unitText !== "JAM")
    return fail("ref_unit_invalid", { value: cellText(get("unit")) });
  const hoursUnit = (unitText as HoursUnit | undefined) ?? stored?.hoursUnit ?? (isTeacher ? "JP" : "JAM");
  // PP 74/2008 Pasal 52: a teacher's standard is 24 JP; 37.5 clock hours is the civil-service week.
  const standardHours =
    numberIn(get("hours"), "jam_standar", 1, 60) ?? stored?.standardHours ?? (isTeacher ? 24 : 37.5);
  const bupSet = numberIn(get("retirementAge"), "bup", 50, 70, true);
  const perRombel = numberIn(get("hoursPerRombel"), "jp_per_rombel", 0, 60);
  const labelsText = optionalText(get("dapodik"));
  let labels: Map<string, string> | null = null;
  if (labelsText) {
    labels = new Map();
    for (const label of labelsText.split(";").map((l) => l.trim())) {
      if (label) labels.set(dapodikLabelKey(label), label);
    }
  }
  return {
    code,
    name,
    isTeacher,
    standardHours,
    hoursUnit,
    retirementAge: bupSet ?? roleRetirementAge({ isTeacher, code, name }),
    retirementAgeSet: bupSet !== undefined,
    hoursPerRombel: perRombel ?? stored?.hoursPerRombel ?? null,
    qualification: optionalText(get("qualification")) ?? stored?.qualification ?? null,
    labels,
  };
}
