import { z } from "zod";

/** Public holidays and cuti bersama as an admin lists them (Setting `policy.holidays`), yyyy-mm-dd. */
export const holidaysSchema = z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/));

const DAY_MS = 86_400_000;

/**
 * The `count`-th working day (Monday to Friday, not a listed holiday) after `start`, itself not
 * counted: the deadline of a keberatan, 21 working days from the day the SK is made known (UU 30/2014
 * Pasal 77 ayat 1). Dates are calendar days as UTC midnights (how @db.Date columns hold them).
 */
export function addWorkingDays(start: Date, count: number, holidays: Iterable<string> = []): Date {
  const off = new Set(holidays);
  let day = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
  let left = count;
  while (left > 0) {
    day += DAY_MS;
    const date = new Date(day);
    const weekday = date.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    if (off.has(date.toISOString().slice(0, 10))) continue;
    left -= 1;
  }
  return new Date(day);
}
