import { roleHoursKind, type Hours, type HoursKind } from "../domain/hours.ts";
import { formatDate } from "../domain/time.ts";
import { formatNumber, translate, type Locale } from "./locales/index.ts";

/**
 * A load ratio as people read it: "1,25" (decimal) or "125%" (percent). A role with demand and
 * nobody to do it has no finite ratio (Infinity or null, depending on the source); people read "∞".
 */
export function formatRatio(
  locale: Locale,
  ratio: number | null,
  style: "decimal" | "percent" = "decimal",
): string {
  if (ratio === null || !Number.isFinite(ratio)) return "∞";
  return style === "percent"
    ? `${formatNumber(locale, Math.round(ratio * 100), 0)}%`
    : formatNumber(locale, ratio, 2);
}

/** @db.Date columns are UTC midnights: shown as the same calendar day whatever the zone. */
export function formatDay(date: Date): string {
  return formatDate(date, "UTC");
}

/** A load ratio as a percentage, "232%", or "belum ada pegawai" for work with nobody to do it: never ∞. */
export function formatLoadRatio(locale: Locale, ratio: number): string {
  return Number.isFinite(ratio)
    ? formatRatio(locale, ratio, "percent")
    : translate(locale, "balance.none_staff");
}

/** A load in words (issue 14): the ABK letter is for exports, people read how short or how loose. */
export type BalanceWord = "very_short" | "short" | "balanced" | "surplus";

/**
 * Demand over capacity in words: no one for the work, or half again as much work as people, is
 * "sangat kekurangan"; more work than people "kekurangan"; 90–100 % (ABK band B) "seimbang"; below
 * that the unit has more people than work, "kelebihan" (of guru or pegawai, see formatLoad).
 */
export function balanceWord(ratio: number | null): BalanceWord {
  if (ratio === null || !Number.isFinite(ratio) || ratio > 1.5) return "very_short";
  if (ratio > 1) return "short";
  if (ratio >= 0.9) return "balanced";
  return "surplus";
}

/**
 * A load as everyone reads it (issue 25): what is short or in excess first, then the figure —
 * "kekurangan guru (beban 150%)", "kelebihan pegawai (beban 75%)", "seimbang (beban 95%)" — or
 * "belum ada guru" ("no teacher yet") when there is work and nobody to do it; never ∞.
 */
export function formatLoad(locale: Locale, need: number, have: number, teaching: boolean): string {
  if (have <= 0) {
    return need > 0
      ? translate(locale, teaching ? "balance.none_teacher" : "balance.none_staff")
      : translate(locale, "balance.no_need");
  }
  const ratio = need / have;
  return translate(locale, "balance.percent_word", {
    percent: formatRatio(locale, ratio, "percent"),
    word: translate(locale, `balance.word.${balanceWord(ratio)}`, {
      who: translate(locale, teaching ? "balance.who.teacher" : "balance.who.staff"),
    }),
  });
}

/** Weekly hours with their unit: "168 JP" for teaching roles, "37,5 jam" for the others. */
export function formatHours(locale: Locale, hours: number, unit: "JP" | "jam"): string {
  return `${formatNumber(locale, Math.round(hours * 10) / 10, 1)} ${translate(locale, unit === "JP" ? "balance.unit_jp" : "balance.unit_jam")}`;
}

/** JP for teaching roles (Role.hoursUnit, or a teacher role whose unit was never set), jam for the others. */
export const hoursUnitOf = roleHoursKind;

/**
 * Hours of both kinds, never added into one figure: "1.122 JP + 225 jam", "168 JP", "37,5 jam";
 * nothing at all reads "0 JP" (or "0 jam" where only jam are counted).
 */
export function formatHoursSplit(locale: Locale, hours: Hours, none: HoursKind = "JP"): string {
  const parts = (["JP", "jam"] as const)
    .filter((kind) => hours[kind] > 0)
    .map((kind) => formatHours(locale, hours[kind], kind));
  if (parts.length === 0) return formatHours(locale, 0, none);
  return parts.length === 1
    ? (parts[0] ?? "")
    : translate(locale, "check.alert.hours_and", { first: parts[0] ?? "", second: parts[1] ?? "" });
}
