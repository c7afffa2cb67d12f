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

export function parseNip(raw: string): NipResult {
  const value = normalizeNip(raw);
  if (!/^\d+$/.test(value)) return { ok: false, problem: "digits" };
  if (value.length !== 18) return { ok: false, problem: "length" };
  const n = (from: number, to: number) => Number(value.slice(from, to));
  const birthYear = n(0, 4);
  const birthDate = birthYear >= 1900 ? utcCalendarDate(birthYear, n(4, 6), n(6, 8)) : null;
  if (!birthDate) return { ok: false, problem: "birth-date" };
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

/** Logs and exports for outsiders show "198501••••••••1001": enough to tell people apart. */
export function maskNip(nip: string): string {
  return nip.length === 18 ? `${nip.slice(0, 6)}${"•".repeat(8)}${nip.slice(14)}` : "•".repeat(nip.length);
}
