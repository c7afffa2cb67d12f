/** People in Salor live in WIT (Asia/Jayapura, UTC+9); dates shown and periods use it. */
export const WIT = "Asia/Jayapura";

/** One per zone: building one costs tens of µs, and a province's lists format a date per row. */
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    zoneFormats.set(timeZone, format);
  }
  return format;
}

function parts(date: Date, timeZone: string) {
  const formatted = zoneFormat(timeZone).formatToParts(date);
  const get = (type: string) => formatted.find((p) => p.type === type)?.value ?? "";
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
  };
}

/** Reporting period "YYYY-MM" in the given zone. */
export function periodOf(date: Date, timeZone = WIT): string {
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}`;
}

/** "29-11-2026 16:05 WIT". */
export function formatDateTime(date: Date, timeZone = WIT): string {
  const p = parts(date, timeZone);
  const zone = timeZone === WIT ? "WIT" : timeZone;
  return `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute} ${zone}`;
}

/** "29-11-2026" in the zone. */
export function formatDate(date: Date, timeZone = WIT): string {
  const p = parts(date, timeZone);
  return `${p.day}-${p.month}-${p.year}`;
}

/** The calendar date in the zone as a UTC midnight Date (how @db.Date columns are stored). */
export function localDate(date: Date, timeZone = WIT): Date {
  const p = parts(date, timeZone);
  return new Date(Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day)));
}

/** The calendar day as a UTC midnight Date, or null when it does not exist (31-02, month 13). */
export function utcCalendarDate(year: number, month: number, day: number): Date | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date : null;
}

/** "dd-mm-yyyy" (also with / or .): not of that shape, an impossible day, or the date. */
export function readDayMonthYear(
  text: string,
): { ok: true; date: Date } | { ok: false; problem: "format" | "impossible" } {
  const match = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$/.exec(text);
  if (!match) return { ok: false, problem: "format" };
  const date = utcCalendarDate(Number(match[3]), Number(match[2]), Number(match[1]));
  return date ? { ok: true, date } : { ok: false, problem: "impossible" };
}

/** Parses "dd-mm-yyyy" (also with / or .) into a UTC midnight Date, or null. */
export function parseDayMonthYear(text: string): Date | null {
  const result = readDayMonthYear(text);
  return result.ok ? result.date : null;
}
