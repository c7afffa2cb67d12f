/**
 * Synthetic districts for the engine benchmark: Salor-like SD short of class teachers and SMP with
 * surplus subject teachers, deterministic for a seed.
 */
import type { IneligibleWhy, PlanInput } from "../src/domain/balance/index.ts";
import { mulberry32 as random } from "../src/seed/random.ts";

export interface DistrictSize {
  units: number;
  people: number;
}

export const SEED = 20_240_601;

const ROLES = [
  { id: "GURU_KELAS", name: "Guru Kelas SD", standardHours: 24 },
  { id: "GURU_PJOK", name: "Guru PJOK", standardHours: 24 },
  { id: "GURU_PAI", name: "Guru Pendidikan Agama", standardHours: 24 },
  { id: "GURU_MTK", name: "Guru Matematika", standardHours: 24 },
  { id: "GURU_IPA", name: "Guru IPA", standardHours: 24 },
  { id: "GURU_IPS", name: "Guru IPS", standardHours: 24 },
  { id: "GURU_BIND", name: "Guru Bahasa Indonesia", standardHours: 24 },
  { id: "GURU_BING", name: "Guru Bahasa Inggris", standardHours: 24 },
  { id: "TENAGA_ADM", name: "Tenaga Administrasi Sekolah", standardHours: 37.5 },
];
/** JP per class (rombel) per week in SMP (Kurikulum 2013). */
const SMP_SUBJECTS: Array<[string, number]> = [
  ["GURU_MTK", 5],
  ["GURU_IPA", 5],
  ["GURU_IPS", 4],
  ["GURU_BIND", 6],
  ["GURU_BING", 4],
  ["GURU_PJOK", 3],
  ["GURU_PAI", 3],
];
/** SMP subject teachers may stand in as SD class teachers; the rest teach only their own subject. */
const COMPATIBILITY = ["GURU_MTK", "GURU_IPA", "GURU_IPS", "GURU_BIND"].map((from) => ({
  from,
  to: "GURU_KELAS",
}));

interface Draft {
  unit: string;
  role: string;
}

/**
 * A district around Salor (lat −8.4, lon 140.4) in a box about 100 km wide: SD short of class teachers,
 * SMP with more subject teachers than lessons. Deterministic for a given seed.
 */
export function generateDistrict(
  size: DistrictSize,
  seed = SEED,
  /** "standard": every teacher brings the role's 24 JP, as a district's database does (issue 30). */
  hours: "mixed" | "standard" = "mixed",
): PlanInput {
  const next = random(seed + size.units);
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const units: PlanInput["units"] = [];
  const demand: PlanInput["demand"] = [];
  const drafts: Draft[] = [];
  const smpIds: string[] = [];
  const addStaff = (unit: string, role: string, count: number) => {
    for (let index = 0; index < count; index++) drafts.push({ unit, role });
  };
  for (let index = 0; index < size.units; index++) {
    const isSd = next() < 0.65;
    const number = String(index + 1).padStart(4, "0");
    const id = isSd ? `SDN-${number}` : `SMPN-${number}`;
    const name = isSd ? `SD Negeri ${index + 1} Salor` : `SMP Negeri ${index + 1} Salor`;
    units.push({ id, name, lat: -8.4 + (next() - 0.5) * 0.9, lon: 140.4 + (next() - 0.5) * 0.91 });
    if (isSd) {
      const classes = between(6, 12);
      demand.push({ unit: id, role: "GURU_KELAS", hours: 24 * classes });
      demand.push({ unit: id, role: "GURU_PJOK", hours: 4 * classes });
      demand.push({ unit: id, role: "GURU_PAI", hours: 4 * classes });
      demand.push({ unit: id, role: "TENAGA_ADM", hours: 37.5 });
      addStaff(id, "GURU_KELAS", Math.round(classes * (0.45 + next() * 0.5)));
      addStaff(id, "GURU_PJOK", next() < 0.6 ? 1 : 0);
      addStaff(id, "GURU_PAI", next() < 0.6 ? 1 : 0);
      addStaff(id, "TENAGA_ADM", next() < 0.5 ? 1 : 0);
    } else {
      smpIds.push(id);
      const classes = between(3, 12);
      for (const [role, jp] of SMP_SUBJECTS) {
        demand.push({ unit: id, role, hours: jp * classes });
        addStaff(id, role, Math.ceil(((jp * classes) / 24) * (1 + next() * 0.6)));
      }
      demand.push({ unit: id, role: "TENAGA_ADM", hours: 37.5 * 2 });
      addStaff(id, "TENAGA_ADM", between(1, 3));
    }
  }
  while (drafts.length > size.people) drafts.splice(Math.floor(next() * drafts.length), 1);
  while (drafts.length < size.people) {
    const unit = smpIds[Math.floor(next() * smpIds.length)] ?? units[0]?.id ?? "";
    drafts.push({ unit, role: SMP_SUBJECTS[Math.floor(next() * SMP_SUBJECTS.length)]?.[0] ?? "GURU_MTK" });
  }
  const employees = drafts.map((draft, index) => {
    const draw = next();
    const teacherHours = hours === "standard" || draw < 0.85 ? 24 : draw < 0.95 ? 18 : 12;
    return {
      id: `1985${String(index + 1).padStart(14, "0")}`,
      name: `Pegawai ${index + 1}`,
      unit: draft.unit,
      role: draft.role,
      hours: draft.role === "TENAGA_ADM" ? 37.5 : teacherHours,
      movable: next() < 0.7,
    };
  });
  return {
    version: 1,
    units,
    roles: ROLES,
    demand,
    employees,
    compatibility: COMPATIBILITY,
    policy: { maxMovesPerUnit: 3, maxDistanceKm: 120, maxMoves: null },
  };
}

const WHY: IneligibleWhy[] = ["tenure", "tenure", "retirement", "objection", "pending"];

/**
 * The same district in plan format v2, same policy (so the two objectives compare on equal terms),
 * each immovable person with a reason.
 */
export function asVersion2(input: PlanInput): PlanInput {
  return {
    ...input,
    version: 2,
    employees: input.employees.map((employee, index) =>
      employee.movable ? employee : { ...employee, why: WHY[index % WHY.length] ?? "other" },
    ),
    policy: { ...input.policy, maxMovesOutPerUnit: null, maxMovesInPerUnit: null },
  };
}
