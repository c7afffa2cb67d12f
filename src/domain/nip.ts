import { utcCalendarDate } from "./time.ts";

/**
 * NIP (Nomor Induk Pegawai), 18 digits: birth date YYYYMMDD, CPNS start YYYYMM, sex (1 male,
 * 2 female), sequence (3 digits) — PP 11/2017 and BKN's numbering.
 */
export interface Nip {
  value: string;
  birthDate: Date;
  /** First day of the CPNS start month. */
  cpnsStart: Date;
  sex: "L" | "P";
  sequence: number;
}

export type NipProblem = "length" | "digits" | "birth-date" | "cpns-date" | "sex" | "sequence" | "order";

export type NipResult = { ok: true; nip: Nip } | { ok: false; problem: NipProblem };

/** Accepts spaces and dots as people type them ("19850101 201001 1 001"). */
export function normalizeNip(raw: string): string {
  return raw.replace(/[\s.]/g, "");
}

/**
 * What a NIP and an NI PPPK share: 18 digits opening with the birth date YYYYMMDD. `n(from, to)`
 * reads digits from..to as a number.
 */
function readBirthPrefix(
  raw: string,
):
  | { value: string; n: (from: number, to: number) => number; birthYear: number; birthDate: Date }
  | { problem: "digits" | "length" | "birth-date" } {
  const value = normalizeNip(raw);
  if (!/^\d+$/.test(value)) return { problem: "digits" };
  if (value.length !== 18) return { problem: "length" };
  const n = (from: number, to: number) => Number(value.slice(from, to));
  const birthYear = n(0, 4);
  const birthDate = birthYear >= 1900 ? utcCalendarDate(birthYear, n(4, 6), n(6, 8)) : null;
  if (!birthDate) return { problem: "birth-date" };
  return { value, n, birthYear, birthDate };
}

export function parseNip(raw: string): NipResult {
  const prefix = readBirthPrefix(raw);
  if ("problem" in prefix) return { ok: false, problem: prefix.problem };
  const { value, n, birthYear, birthDate } = prefix;
  const cpnsYear = n(8, 12);
  const cpnsStart = cpnsYear >= 1950 ? utcCalendarDate(cpnsYear, n(12, 14), 1) : null;
  if (!cpnsStart) return { ok: false, problem: "cpns-date" };
  // Nobody becomes a civil servant before 18.
  if (cpnsYear - birthYear < 18) return { ok: false, problem: "order" };
  const sexDigit = value[14];
  if (sexDigit !== "1" && sexDigit !== "2") return { ok: false, problem: "sex" };
  const sequence = n(15, 18);
  if (sequence === 0) return { ok: false, problem: "sequence" };
  return { ok: true, nip: { value, birthDate, cpnsStart, sex: sexDigit === "1" ? "L" : "P", sequence } };
}

/**
 * NI PPPK (Nomor Induk PPPK), 18 digits like a NIP but with its own layout (BKN's numbering for
 * PPPK, UU 20/2023): birth date YYYYMMDD, year of appointment YYYY, the marker `21`, sex (1 or 2),
 * sequence (3 digits). Digits 13–14 are never a month, so a NIP check rejects every PPPK.
 */
export interface NiPppk {
  value: string;
  birthDate: Date;
  appointmentYear: number;
  sex: "L" | "P";
  sequence: number;
}

export type NiPppkProblem =
  "length" | "digits" | "birth-date" | "pppk-year" | "pppk-marker" | "sex" | "sequence" | "order";

export type NiPppkResult = { ok: true; nip: NiPppk } | { ok: false; problem: NiPppkProblem };

// PPPK was created by UU 5/2014; the first appointments came in 2019.
const FIRST_PPPK_YEAR = 2014;

export function parseNiPppk(raw: string): NiPppkResult {
  const prefix = readBirthPrefix(raw);
  if ("problem" in prefix) return { ok: false, problem: prefix.problem };
  const { value, n, birthYear, birthDate } = prefix;
  const appointmentYear = n(8, 12);
  if (appointmentYear < FIRST_PPPK_YEAR || appointmentYear > 2100) return { ok: false, problem: "pppk-year" };
  if (value.slice(12, 14) !== "21") return { ok: false, problem: "pppk-marker" };
  if (appointmentYear - birthYear < 18) return { ok: false, problem: "order" };
  const sexDigit = value[14];
  if (sexDigit !== "1" && sexDigit !== "2") return { ok: false, problem: "sex" };
  const sequence = n(15, 18);
  if (sequence === 0) return { ok: false, problem: "sequence" };
  return {
    ok: true,
    nip: { value, birthDate, appointmentYear, sex: sexDigit === "1" ? "L" : "P", sequence },
  };
}

/** PNS (civil servant, NIP) or PPPK (government employee on contract, NI PPPK). */
export type AsnKind = "PNS" | "PPPK";

/** An ASN number of either kind: what an import needs (the number, the birth date, which kind). */
export type AsnNumberResult =
  | { ok: true; kind: AsnKind; value: string; birthDate: Date; sex: "L" | "P" }
  | { ok: false; problem: NipProblem | NiPppkProblem };

/**
 * Reads a NIP or an NI PPPK. Digits 13–14 decide: `21` is never a CPNS month, so it marks a PPPK;
 * anything else is read as a NIP and its own problem is reported.
 */
export function parseAsnNumber(raw: string): AsnNumberResult {
  const value = normalizeNip(raw);
  if (/^\d{18}$/.test(value) && value.slice(12, 14) === "21") {
    const pppk = parseNiPppk(value);
    if (!pppk.ok) return pppk;
    const { birthDate, sex } = pppk.nip;
    return { ok: true, kind: "PPPK", value, birthDate, sex };
  }
  const nip = parseNip(value);
  if (!nip.ok) return nip;
  return { ok: true, kind: "PNS", value, birthDate: nip.nip.birthDate, sex: nip.nip.sex };
}

/** PNS or PPPK from the number alone; null when it is neither a valid NIP nor a valid NI PPPK. */
export function asnKindOf(raw: string): AsnKind | null {
  const result = parseAsnNumber(raw);
  return result.ok ? result.kind : null;
}

/** Logs and exports for outsiders show "198501••••••••1001": enough to tell people apart. */
export function maskNip(nip: string): string {
  return nip.length === 18 ? `${nip.slice(0, 6)}${"•".repeat(8)}${nip.slice(14)}` : "•".repeat(nip.length);
}
