import type { AbkBand } from "../domain/workload.ts";
import { formatNumber, translate, type Locale } from "./locales/index.ts";

/** A role with demand and nobody to do it has an infinite ratio; people read "∞", not "Infinity". */
export function formatRatio(locale: Locale, ratio: number): string {
  return Number.isFinite(ratio) ? formatNumber(locale, ratio, 2) : "∞";
}

export function bandLabel(locale: Locale, band: AbkBand): string {
  return translate(locale, `load.band.${band}`);
}

/** @db.Date columns are UTC midnights: shown as the same calendar day whatever the zone. */
export function formatDay(date: Date): string {
  const d = String(date.getUTCDate()).padStart(2, "0");
  const m = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${d}-${m}-${date.getUTCFullYear()}`;
}
