import type { AbkBand } from "../domain/workload.ts";
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

export function bandLabel(locale: Locale, band: AbkBand): string {
  return translate(locale, `load.band.${band}`);
}

/** @db.Date columns are UTC midnights: shown as the same calendar day whatever the zone. */
export function formatDay(date: Date): string {
  return formatDate(date, "UTC");
}
