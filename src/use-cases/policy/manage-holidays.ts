import type { DbTx } from "../../db/client.ts";
import { writeAudit } from "../../db/audit.ts";
import {
  getHolidays,
  getRemovedHolidays,
  HOLIDAYS_REMOVED_SETTING,
  HOLIDAYS_SETTING,
  putSetting,
} from "../../db/settings.ts";
import { nationalHolidays } from "../../domain/national-holidays.ts";
import { DomainError } from "../../domain/errors.ts";
import { readDayMonthYear } from "../../domain/time.ts";
import type { PolicyActor } from "./manage-blackouts.ts";

function day(text: string): string {
  const read = readDayMonthYear(text);
  if (!read.ok) throw new DomainError("holiday_date_invalid", { text });
  return read.date.toISOString().slice(0, 10);
}

async function store(db: DbTx, actor: PolicyActor, action: string, days: string[], holidays: string[]) {
  const sorted = [...new Set(holidays)].sort();
  await putSetting(db, HOLIDAYS_SETTING, sorted);
  await writeAudit(db, {
    actorId: actor.userId,
    actorName: actor.name,
    action,
    entity: "setting",
    entityId: HOLIDAYS_SETTING,
    details: { days },
  });
  return sorted;
}

/** A day working-day deadlines skip: a national holiday (with its name) or one an admin listed. */
export interface CalendarDay {
  day: string;
  name: string | null;
  source: "national" | "admin";
}

/**
 * The days a keberatan's 21 working days skip in the given years: Indonesia's national holidays
 * (date-holidays, domain/national-holidays.ts) less those an admin removed, plus the cuti bersama and
 * local days an admin added; in date order, each once.
 */
export async function holidayCalendar(db: DbTx, years: readonly number[]): Promise<CalendarDay[]> {
  const removed = new Set(await getRemovedHolidays(db));
  const days = new Map<string, CalendarDay>();
  for (const day of await getHolidays(db)) days.set(day, { day, name: null, source: "admin" });
  for (const h of nationalHolidays(years))
    if (!removed.has(h.day)) days.set(h.day, { day: h.day, name: h.name, source: "national" });
  return [...days.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** This year's and next year's calendar, as `policy holiday list` shows it. */
export function listHolidays(db: DbTx, now: Date): Promise<CalendarDay[]> {
  const year = now.getUTCFullYear();
  return holidayCalendar(db, [year, year + 1]);
}

/**
 * Adds days (dd-mm-yyyy) to the holidays that working-day deadlines skip; every date is read before
 * anything is stored, so one bad date changes nothing. Days already listed are kept once; a national
 * holiday an admin had removed is back on the calendar.
 */
export async function addHolidays(
  db: DbTx,
  input: { actor: PolicyActor; days: readonly string[] },
): Promise<{ added: string[]; holidays: string[] }> {
  const days = input.days.map(day);
  const current = await getHolidays(db);
  const added = [...new Set(days)].filter((d) => !current.includes(d)).sort();
  const removed = await getRemovedHolidays(db);
  if (days.some((d) => removed.includes(d)))
    await putSetting(
      db,
      HOLIDAYS_REMOVED_SETTING,
      removed.filter((d) => !days.includes(d)),
    );
  const holidays = await store(db, input.actor, "policy.holiday.add", added, [...current, ...added]);
  return { added, holidays };
}

/**
 * Removes one day (dd-mm-yyyy): one an admin listed, or a national holiday (kept as removed, for a day
 * the government moved). Deadlines already set keep the date they were given.
 */
export async function removeHoliday(
  db: DbTx,
  input: { actor: PolicyActor; day: string },
): Promise<{ holidays: string[] }> {
  const target = day(input.day);
  const current = await getHolidays(db);
  if (current.includes(target)) {
    const holidays = await store(
      db,
      input.actor,
      "policy.holiday.remove",
      [target],
      current.filter((d) => d !== target),
    );
    return { holidays };
  }
  const national = nationalHolidays([Number(target.slice(0, 4))]).some((h) => h.day === target);
  const removed = await getRemovedHolidays(db);
  if (!national || removed.includes(target)) throw new DomainError("holiday_unknown", { day: input.day });
  await putSetting(db, HOLIDAYS_REMOVED_SETTING, [...removed, target].sort());
  await writeAudit(db, {
    actorId: input.actor.userId,
    actorName: input.actor.name,
    action: "policy.holiday.remove",
    entity: "setting",
    entityId: HOLIDAYS_REMOVED_SETTING,
    details: { days: [target], national: true },
  });
  return { holidays: current };
}
