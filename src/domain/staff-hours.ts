import { parse } from "csv-parse/sync";
import { parseDecimal } from "./report-answers.ts";

/** Above this a week's hours are a typing mistake, not overtime. */
export const STAFF_MAX_WEEKLY_HOURS = 60;

/** One "NIP atau nama: jam" answer: who (NIP or name as typed) and their actual weekly hours. */
export interface StaffHoursEntry {
  line: number;
  key: string;
  hours: number;
}

export type StaffHoursProblemKind =
  "format" | "hours" | "unknown" | "ambiguous" | "duplicate" | "header" | "empty";

export interface StaffHoursProblem {
  line: number;
  text: string;
  kind: StaffHoursProblemKind;
}

export interface StaffHoursParse {
  entries: StaffHoursEntry[];
  problems: StaffHoursProblem[];
}

function readHours(line: number, key: string, rawHours: string, text: string, out: StaffHoursParse): void {
  if (!key) {
    out.problems.push({ line, text, kind: "format" });
    return;
  }
  const hours = parseDecimal(rawHours, 0, STAFF_MAX_WEEKLY_HOURS);
  if (!hours.ok) {
    out.problems.push({ line, text, kind: "hours" });
    return;
  }
  out.entries.push({ line, key, hours: hours.value });
}

/** One message of lines "NIP atau nama: jam"; blank lines are skipped, every bad line is reported. */
export function parseStaffHoursLines(text: string): StaffHoursParse {
  const out: StaffHoursParse = { entries: [], problems: [] };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    // The last colon separates: names never contain one, and "24:00" is not an answer we expect.
    const at = line.lastIndexOf(":");
    if (at < 0) {
      out.problems.push({ line: index + 1, text: line, kind: "format" });
      return;
    }
    readHours(index + 1, line.slice(0, at).trim(), line.slice(at + 1).trim(), line, out);
  });
  if (out.entries.length === 0 && out.problems.length === 0)
    out.problems.push({ line: 0, text: "", kind: "empty" });
  return out;
}

/**
 * A CSV file with a header row holding `nip` and `jam` (any order, any case). Spreadsheets saved
 * with an Indonesian locale use ";" and a decimal comma, so ";" is accepted when the header has it.
 */
export function parseStaffHoursCsv(text: string): StaffHoursParse {
  const out: StaffHoursParse = { entries: [], problems: [] };
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = firstLine.includes(";") ? ";" : ",";
  let rows: string[][];
  try {
    rows = parse(body, {
      delimiter,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as string[][];
  } catch {
    out.problems.push({ line: 0, text: "", kind: "format" });
    return out;
  }
  const header = (rows[0] ?? []).map((h) => h.toLowerCase());
  const nipAt = header.indexOf("nip");
  const hoursAt = header.indexOf("jam");
  if (nipAt < 0 || hoursAt < 0) {
    out.problems.push({ line: 1, text: (rows[0] ?? []).join(delimiter), kind: "header" });
    return out;
  }
  rows.slice(1).forEach((row, index) => {
    readHours(
      index + 2,
      (row[nipAt] ?? "").replace(/[\s.]/g, ""),
      row[hoursAt] ?? "",
      row.join(delimiter),
      out,
    );
  });
  if (out.entries.length === 0 && out.problems.length === 0)
    out.problems.push({ line: 0, text: "", kind: "empty" });
  return out;
}

export interface StaffRef {
  id: number;
  nip: string;
  name: string;
}

const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

/** Finds each entry's person in the unit by NIP, else by a name that only one person has. */
export function matchStaffHours(
  parsed: StaffHoursParse,
  staff: StaffRef[],
): { matched: Array<{ employeeId: number; hours: number }>; problems: StaffHoursProblem[] } {
  const problems = [...parsed.problems];
  const matched: Array<{ employeeId: number; hours: number }> = [];
  const seen = new Set<number>();
  for (const entry of parsed.entries) {
    const nipKey = entry.key.replace(/[\s.]/g, "");
    const byNip = staff.filter((s) => s.nip === nipKey);
    const candidates =
      byNip.length > 0 ? byNip : staff.filter((s) => normalise(s.name) === normalise(entry.key));
    const text = `${entry.key}: ${entry.hours}`;
    if (candidates.length === 0) problems.push({ line: entry.line, text, kind: "unknown" });
    else if (candidates.length > 1) problems.push({ line: entry.line, text, kind: "ambiguous" });
    else {
      const person = candidates[0]!;
      if (seen.has(person.id)) problems.push({ line: entry.line, text, kind: "duplicate" });
      else {
        seen.add(person.id);
        matched.push({ employeeId: person.id, hours: entry.hours });
      }
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { matched, problems };
}
