import type { DbTx } from "../db/client.ts";
import { writeAudit } from "../db/audit.ts";
import { getHolidays, HOLIDAYS_SETTING, putSetting } from "../db/settings.ts";
import { DomainError } from "../domain/errors.ts";
import { readDayMonthYear } from "../domain/time.ts";
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

/** The public holidays and cuti bersama a keberatan's 21 working days skip, in order (yyyy-mm-dd). */
export const listHolidays = (db: DbTx): Promise<string[]> => getHolidays(db);

/**
 * Adds days (dd-mm-yyyy) to the holidays that working-day deadlines skip; every date is read before
 * anything is stored, so one bad date changes nothing. Days already listed are kept once.
 */
export async function addHolidays(
  db: DbTx,
  input: { actor: PolicyActor; days: readonly string[] },
): Promise<{ added: string[]; holidays: string[] }> {
  const days = input.days.map(day);
  const current = await getHolidays(db);
  const added = [...new Set(days)].filter((d) => !current.includes(d)).sort();
  const holidays = await store(db, input.actor, "policy.holiday.add", added, [...current, ...added]);
  return { added, holidays };
}

/** Removes one listed day (dd-mm-yyyy). Deadlines already set keep the date they were given. */
export async function removeHoliday(
  db: DbTx,
  input: { actor: PolicyActor; day: string },
): Promise<{ holidays: string[] }> {
  const target = day(input.day);
  const current = await getHolidays(db);
  if (!current.includes(target)) throw new DomainError("holiday_unknown", { day: input.day });
  const holidays = await store(
    db,
    input.actor,
    "policy.holiday.remove",
    [target],
    current.filter((d) => d !== target),
  );
  return { holidays };
}
