// The hiring request (formasi) and the five-year retirement projection (issue 28; docs/formasi.md).
// Pure: figures in hours come in, posts in people go out.
import type { ShortfallReason } from "./balance/types.ts";
import type { HoursKind } from "./hours.ts";

/** Short because nobody fits anywhere reachable: only hiring fills it. */
export const HIREABLE_REASONS: ReadonlySet<ShortfallReason> = new Set([
  "supply_exhausted",
  "no_compatible_supply",
  "beyond_distance",
]);

/** Short because of the district's own rules (caps, cooldowns, objections, tenure): hiring would not fix it. */
export const isPolicyReason = (reason: ShortfallReason) => !HIREABLE_REASONS.has(reason);

/** One role at one unit, in hours of the role (JP or jam). */
export interface FormasiInputRow {
  unitCode: string;
  unitName: string;
  agencyId: number;
  /** Negeri / Swasta for schools (Dapodik), null for offices. */
  schoolStatus: string | null;
  roleCode: string;
  roleName: string;
  hoursUnit: HoursKind;
  standardHours: number;
  qualification: string;
  demand: number;
  /** What active staff and honorers bring now. */
  capacity: number;
  /** The same once the proposals in flight (pending, approved, decreed) are carried out. */
  capacityAfterFlight: number;
  /** The same once the optimal plan (the weekly check's) is carried out. */
  capacityAfterPlan: number;
  /** Unmet hours the plan leaves for hiring (HIREABLE_REASONS) and for the rules. */
  hireableHours: number;
  policyHours: number;
  /** Active ASN by kind, honorers, and ASN on cuti or tugas belajar. */
  pns: number;
  pppk: number;
  honorers: number;
  onLeave: number;
}

/** A person reaching their BUP within the years asked. */
export interface FormasiRetiree {
  nip: string;
  name: string;
  unitCode: string;
  roleCode: string;
  status: string;
  retirementAge: number;
  /** Birth date + BUP: the day the daily job retires them (use-cases/lifecycle/retirements.ts). */
  retirementDate: Date;
  /** Active: their hours are in the figures, so their leaving adds to the request. */
  inBezetting: boolean;
}

export interface FormasiRow extends FormasiInputRow {
  /** In people of the role's standard hours. */
  need: number;
  bezetting: number;
  shortNow: number;
  shortAfterFlight: number;
  /** Left by the optimal plan: for hiring, and because of the rules. */
  hireable: number;
  policy: number;
  /** Whole people the unit has to spare after the plan: they absorb the first retirements. */
  spare: number;
  /** People reaching their BUP in each year (all of them), and those of them in the Bezetting. */
  retirements: number[];
  retirementsInBezetting: number[];
  /** New posts to ask for in each year. */
  requests: number[];
}

const EPS = 1e-9;
/** Hours to people of the role, rounded up: 25 JP short is two teachers to find, not 1.04. */
export const peopleUp = (hours: number, standard: number) =>
  standard > 0 && hours > EPS ? Math.ceil(hours / standard - EPS) : 0;
const peopleDown = (hours: number, standard: number) =>
  standard > 0 && hours > EPS ? Math.floor(hours / standard + EPS) : 0;

/** The year a retirement counts in: its own, or the first year asked for one already due before it. */
export function retirementYearIndex(date: Date, firstYear: number, years: number): number | null {
  const index = Math.max(0, date.getUTCFullYear() - firstYear);
  return index < years ? index : null;
}

/**
 * Each row in people with its retirements per year and the request per year. The request follows
 * the deficit: what the plan leaves for hiring, plus the active people retired so far, less what the
 * unit has to spare; each year asks for what the deficit grew by (never less than nothing).
 */
export function projectFormasi(input: {
  rows: readonly FormasiInputRow[];
  retirees: readonly FormasiRetiree[];
  firstYear: number;
  years: number;
}): FormasiRow[] {
  const { firstYear, years } = input;
  const byRow = new Map<string, { all: number[]; active: number[] }>();
  for (const person of input.retirees) {
    const index = retirementYearIndex(person.retirementDate, firstYear, years);
    if (index === null) continue;
    const key = `${person.unitCode}|${person.roleCode}`;
    const counts = byRow.get(key) ?? { all: Array(years).fill(0), active: Array(years).fill(0) };
    counts.all[index] += 1;
    if (person.inBezetting) counts.active[index] += 1;
    byRow.set(key, counts);
  }
  return input.rows.map((row): FormasiRow => {
    const standard = row.standardHours;
    const counts = byRow.get(`${row.unitCode}|${row.roleCode}`);
    const retirements = counts?.all ?? Array<number>(years).fill(0);
    const retirementsInBezetting = counts?.active ?? Array<number>(years).fill(0);
    const hireable = peopleUp(row.hireableHours, standard);
    const spare = peopleDown(row.capacityAfterPlan - row.demand, standard);
    const requests: number[] = [];
    let asked = 0;
    let lost = 0;
    for (let year = 0; year < years; year++) {
      lost += retirementsInBezetting[year] ?? 0;
      const deficit = Math.max(0, hireable + lost - spare);
      requests.push(deficit - asked);
      asked = deficit;
    }
    return {
      ...row,
      need: peopleUp(row.demand, standard),
      bezetting: row.pns + row.pppk,
      shortNow: peopleUp(row.demand - row.capacity, standard),
      shortAfterFlight: peopleUp(row.demand - row.capacityAfterFlight, standard),
      hireable,
      policy: peopleUp(row.policyHours, standard),
      spare,
      retirements,
      retirementsInBezetting,
      requests,
    };
  });
}

/**
 * The education a role asks for when an admin has not set it (`roles set --qualification`): a teacher
 * holds an S-1 or D-IV (UU 14/2005 Pasal 9) in the teaching of their subject — PGSD for a class teacher
 * of an SD, PG-PAUD for a TK or PAUD, "Pendidikan <mapel>" for a subject teacher. Other roles have no
 * default: the sheet says it is not set.
 */
export function defaultQualification(role: { name: string; isTeacher: boolean }): string | null {
  if (!role.isTeacher) return null;
  const name = role.name.trim();
  if (/\bguru kelas\b.*\b(tk|paud|ra)\b|\bguru (tk|paud)\b/i.test(name)) return "S-1/D-IV PG-PAUD";
  if (/\bguru kelas\b/i.test(name)) return "S-1/D-IV PGSD";
  if (/\bguru bk\b|bimbingan (dan )?konseling/i.test(name)) return "S-1/D-IV Bimbingan dan Konseling";
  const subject = /^guru\s+(?:mapel\s+|mata pelajaran\s+)?(.+?)(?:\s+(?:sd|smp|sma|smk|slb))?$/i.exec(
    name,
  )?.[1];
  return subject ? `S-1/D-IV Pendidikan ${subject}` : "S-1/D-IV";
}

/** What the month's first alert says of hiring: needs transfers cannot meet, per role, in people. */
export interface HiringNeed {
  role: string;
  people: number;
}

/**
 * The needs the plan leaves for hiring (HIREABLE_REASONS), per role in people of its standard hours
 * (each unit rounded up, as the formasi sheet's "Tidak terpenuhi mutasi" column), largest first.
 */
export function hiringNeeds(
  shortfalls: ReadonlyArray<{ role: string; unmetHours: number; reason: ShortfallReason }>,
  standardHours: (role: string) => number,
): HiringNeed[] {
  const people = new Map<string, number>();
  for (const s of shortfalls) {
    if (!HIREABLE_REASONS.has(s.reason)) continue;
    const n = peopleUp(s.unmetHours, standardHours(s.role));
    if (n > 0) people.set(s.role, (people.get(s.role) ?? 0) + n);
  }
  return [...people]
    .map(([role, n]) => ({ role, people: n }))
    .sort((a, b) => b.people - a.people || a.role.localeCompare(b.role));
}

/** The district's totals in people, as the CLI's summary and /formasi's caption give them. */
export function formasiTotals(rows: readonly FormasiRow[], years: number) {
  const total = (pick: (row: FormasiRow) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
  return {
    hireable: total((row) => row.hireable),
    policy: total((row) => row.policy),
    requests: Array.from({ length: years }, (_, year) => total((row) => row.requests[year] ?? 0)),
  };
}
