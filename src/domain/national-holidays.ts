import Holidays from "date-holidays";

/** A day off: yyyy-mm-dd and its name. */
export interface NamedHoliday {
  day: string;
  name: string;
}

/**
 * date-holidays' Indonesian data names 27 Rajab (Isra Mikraj) "Maulid Nabi Muhammad", the name of
 * 12 Rabiulawal; its dates are right (checked against the SKB 3 Menteri for 2026). Named by the rule.
 */
const NAME_BY_RULE: Record<string, string> = { "27 Rajab": "Isra Mikraj Nabi Muhammad" };

/**
 * Indonesia's national public holidays (hari libur nasional) of the given years, from the maintained
 * `date-holidays` data (country ID), in date order: what a keberatan's working days skip by default.
 * Cuti bersama and local days are not in it: an admin adds them (`policy holiday add`).
 */
export function nationalHolidays(years: readonly number[]): NamedHoliday[] {
  const calendar = new Holidays("ID");
  const days = new Map<string, string[]>();
  for (const year of years)
    for (const holiday of calendar.getHolidays(year, "id")) {
      if (holiday.type !== "public") continue;
      const day = holiday.date.slice(0, 10);
      const name = NAME_BY_RULE[holiday.rule] ?? holiday.name;
      const names = days.get(day) ?? [];
      if (!names.includes(name)) names.push(name);
      days.set(day, names);
    }
  return [...days]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, names]) => ({ day, name: names.join(", ") }));
}
