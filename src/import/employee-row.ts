import { parseAsnNumber, type AsnKind } from "../domain/nip.ts";
import type { EmployeeField, EmployeeOrigin } from "./columns.ts";
import { parseDapodikFields, type DapodikFields } from "./employee-dapodik.ts";
import { parseSiasnFields, type SiasnFields } from "./employee-siasn.ts";
import { fail, optionalText, parseDateField, parseNumber, type RowPlace, type RowSource } from "./cells.ts";
import { cellText, type Cell } from "./raw-table.ts";

export type Sex = "L" | "P";

/** An employee row that passed its own checks; undefined fields keep what is stored. */
export interface EmployeeInput extends RowPlace, SiasnFields, DapodikFields {
  source: RowSource;
  /** Which export the row comes from: decides which fields it may set and how its hours count. */
  origin: EmployeeOrigin;
  nip: string;
  /** From the NIP; used when the file has no birth date. */
  nipBirthDate: Date;
  /** From the NIP; used for a new employee when the file has no sex column. */
  nipSex: Sex;
  /** CPNS month (NIP) or 1 January of the appointment year (NI PPPK): a new Dapodik row's post start. */
  serviceStart: Date;
  /** PNS (NIP) or PPPK (NI PPPK), told by the number. */
  asnKind: AsnKind;
  name?: string;
  unit?: string;
  role?: string;
  roleName?: string;
  /** The hours column as written: capacity for a non-teaching role, else hours taught (JJM). */
  hours?: number;
  birthDate?: Date;
  postSince?: Date;
  sex?: Sex;
}

const SEXES: Record<string, Sex> = {
  l: "L",
  p: "P",
  m: "L",
  f: "P",
  laki_laki: "L",
  lakilaki: "L",
  pria: "L",
  perempuan: "P",
  wanita: "P",
  male: "L",
  female: "P",
};

/** L/P, M/F, Laki-laki/Perempuan, as SIASN and Dapodik write it. */
export function parseSex(cell: Cell): Sex | undefined {
  const text = cellText(cell);
  if (text === "") return undefined;
  const sex =
    SEXES[
      text
        .toLowerCase()
        .replace(/[^a-z]+/g, "_")
        .replace(/^_|_$/g, "")
    ];
  return sex ?? fail("sex_invalid", { value: text });
}

/** JJM or JP per minggu: 0 … 60. */
export function parseHours(cell: Cell): number | undefined {
  const hours = parseNumber(cell);
  if (hours === null) return undefined;
  const shown = cellText(cell);
  if (Number.isNaN(hours)) return fail("hours_invalid", { value: shown });
  if (hours < 0) return fail("hours_negative", { value: shown });
  // PP 74/2008 caps a teacher at 40 JP; 60 leaves room for non-teaching posts and still catches typos.
  if (hours > 60) return fail("hours_too_high", { value: shown, max: 60 });
  return hours;
}

/** The NIP or NI PPPK of a row; a Dapodik row without one is an honorer (parse-rows.ts decides). */
export function readAsnNumber(nipCell: Cell) {
  // Excel keeps numbers as doubles: an 18-digit NIP typed as a number has already lost its last digits.
  if (typeof nipCell === "number" && !Number.isSafeInteger(nipCell))
    return fail("nip_number", { value: String(nipCell) });
  const nipText = cellText(nipCell).replace(/^'/, "");
  if (nipText === "") return fail("nip_missing");
  // A NIP or an NI PPPK: about a fifth of teachers are PPPK.
  const parsed = parseAsnNumber(nipText);
  if (!parsed.ok) return fail("nip_invalid", { nip: nipText, problem: parsed.problem });
  // Digits 9–12 are the CPNS or appointment year; 13–14 the CPNS month of a NIP (`21` marks a PPPK).
  const year = Number(parsed.value.slice(8, 12));
  const month = parsed.kind === "PNS" ? Number(parsed.value.slice(12, 14)) : 1;
  const start = new Date(Date.UTC(year, month - 1, 1));
  return { ...parsed, serviceStart: start };
}

/** SIASN's own fields a table has; a plain file without any skips reading them row by row. */
export function hasSiasnFields(columns: Partial<Record<EmployeeField, number>>): boolean {
  return SIASN_FIELDS.some((field) => columns[field] !== undefined);
}
const SIASN_FIELDS: readonly EmployeeField[] = [
  "pnsId",
  "titleFront",
  "titleBack",
  "legalStatus",
  "asnKind",
  "golongan",
  "tmtGolongan",
  "jabatanKind",
  "educationLevel",
  "education",
  "roleName",
];

export function parseEmployeeRow(
  get: (field: EmployeeField) => Cell,
  place: RowPlace,
  source: RowSource,
  today: Date,
  table: { origin: EmployeeOrigin; siasnFields: boolean },
): EmployeeInput {
  const { origin } = table;
  const number = readAsnNumber(get("nip"));
  const input: EmployeeInput = {
    ...place,
    source,
    origin,
    nip: number.value,
    nipBirthDate: number.birthDate,
    nipSex: number.sex,
    serviceStart: number.serviceStart,
    asnKind: number.kind,
  };
  const name = optionalText(get("name"));
  if (name) input.name = name;
  const unit = optionalText(get("unit"))?.toUpperCase();
  if (unit) input.unit = unit;
  if (origin === "FILE") {
    const role = optionalText(get("role"))?.toUpperCase();
    if (role) input.role = role;
    const roleName = optionalText(get("roleName"));
    if (roleName) input.roleName = roleName;
  }
  const hours = parseHours(get("hours"));
  if (hours !== undefined) input.hours = hours;
  const sex = parseSex(get("sex"));
  if (sex) input.sex = sex;
  const birthDate = parseDateField(get("birthDate"), "birth", today);
  if (birthDate) input.birthDate = birthDate;
  const postSince = parseDateField(get("postSince"), "post", today);
  if (postSince) input.postSince = postSince;
  if (postSince && postSince <= (birthDate ?? input.nipBirthDate)) return fail("post_before_birth");
  // A plain file may carry SIASN's columns too (golongan, pendidikan…); only SIASN's names its role by jabatan.
  if (origin === "SIASN" || (origin === "FILE" && table.siasnFields))
    Object.assign(input, parseSiasnFields(get, input.asnKind, today));
  if (origin === "DAPODIK") Object.assign(input, parseDapodikFields(get));
  return input;
}
