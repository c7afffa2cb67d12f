/**
 * Kedudukan a head or an admin may set: cuti and tugas belajar stop a person counting as capacity
 * until their end date; aktif counts them again. PENSIUN comes only from the retirement job.
 */
import { readDayMonthYear } from "./time.ts";

export type SettableStatus = "AKTIF" | "CUTI" | "TUGAS_BELAJAR";

/** The longest a cuti or tugas belajar may be set ahead: a doctorate abroad runs about 5 years. */
export const MAX_STATUS_YEARS = 6;

const WORDS: Record<string, SettableStatus> = {
  aktif: "AKTIF",
  active: "AKTIF",
  cuti: "CUTI",
  leave: "CUTI",
  tb: "TUGAS_BELAJAR",
  "tugas-belajar": "TUGAS_BELAJAR",
  tugas_belajar: "TUGAS_BELAJAR",
  study: "TUGAS_BELAJAR",
  "study-leave": "TUGAS_BELAJAR",
};

/** "cuti", "tb", "tugas-belajar", "aktif" (and the English leave / study / active), or null. */
export function parseStatusWord(text: string): SettableStatus | null {
  return WORDS[text.trim().toLowerCase()] ?? null;
}

export type StatusDateProblem = "missing" | "format" | "impossible" | "past" | "too_far" | "unexpected";

/**
 * The end date as typed (dd-mm-yyyy) for a status: cuti and tugas belajar need one after today
 * (WIT) and within MAX_STATUS_YEARS; aktif takes none.
 */
export function readStatusUntil(
  status: SettableStatus,
  text: string | undefined,
  today: Date,
): { ok: true; until: Date | null } | { ok: false; problem: StatusDateProblem } {
  if (status === "AKTIF") return text ? { ok: false, problem: "unexpected" } : { ok: true, until: null };
  if (!text) return { ok: false, problem: "missing" };
  const read = readDayMonthYear(text);
  if (!read.ok) return read;
  if (read.date.getTime() <= today.getTime()) return { ok: false, problem: "past" };
  const limit = new Date(today);
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_STATUS_YEARS);
  if (read.date.getTime() > limit.getTime()) return { ok: false, problem: "too_far" };
  return { ok: true, until: read.date };
}
