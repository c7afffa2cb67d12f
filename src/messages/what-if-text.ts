// The what-if's answer as one message (/simulasi) or one screen (cli what-if): before → after.
import type { Hours, HoursKind } from "../domain/hours.ts";
import { formatHours, formatHoursSplit } from "./format.ts";
import {
  formatNumber,
  Html,
  translate,
  type Locale,
  type TextKey,
  type TextParams,
} from "./locales/index.ts";

/** What simulateWhatIf answers (use-cases/balancing-check/what-if.ts), as the text needs it. */
export interface WhatIfView {
  before: WhatIfSideView;
  after: WhatIfSideView;
  units: Array<{
    name: string;
    roleName: string;
    hoursUnit: HoursKind;
    need: { before: number; after: number };
    shortfall: { before: number; after: number };
  }>;
  unknown: string[];
}

interface WhatIfSideView {
  shortfall: Hours;
  severity: number;
  moves: number;
  km: number;
  optimal: boolean;
  /** Tiers proved (v2: 1 shortfall, 2 severity, 3 moves, 4 km). */
  tiersProven: number[];
}

/**
 * Whether the side's plan is proved optimal: every tier; every tier but the kilometres (a province's
 * what-if does not ask for them: what-if.ts); or not, for want of time.
 */
export function provenKey(side: Pick<WhatIfSideView, "optimal" | "tiersProven">): TextKey {
  if (side.optimal) return "whatif.yes";
  return side.tiersProven.includes(3) ? "whatif.yes_but_km" : "whatif.no";
}

/** The units shown at most; the rest are counted. */
const UNITS_SHOWN = 8;

/** One change as the answer lists it ("SDN-01: 12 rombel"), HTML. */
export type WhatIfChangeText = string;

/** `changes`: the changes as whatIfChangeTexts wrote them (already HTML). */
export function whatIfText(locale: Locale, answer: WhatIfView, changes: WhatIfChangeText[]): string {
  const t = (key: TextKey, params?: TextParams) => translate(locale, key, params);
  const { before, after } = answer;
  const lines = [
    t("whatif.title"),
    t("whatif.changes", {
      changes: new Html(changes.length > 0 ? changes.join("; ") : t("whatif.no_changes")),
    }),
    t("whatif.shortfall", {
      before: formatHoursSplit(locale, before.shortfall),
      after: formatHoursSplit(locale, after.shortfall),
    }),
    t("whatif.severity", {
      before: formatNumber(locale, before.severity, 2),
      after: formatNumber(locale, after.severity, 2),
    }),
    t("whatif.moves", {
      before: before.moves,
      after: after.moves,
      kmBefore: formatNumber(locale, before.km, 1),
      kmAfter: formatNumber(locale, after.km, 1),
    }),
    t("whatif.optimal", { before: t(provenKey(before)), after: t(provenKey(after)) }),
  ];
  if (answer.units.length === 0) lines.push(t("whatif.no_units"));
  else {
    lines.push(t("whatif.units"));
    for (const u of answer.units.slice(0, UNITS_SHOWN))
      lines.push(
        t("whatif.unit", {
          unit: u.name,
          role: u.roleName,
          needBefore: formatHours(locale, u.need.before, u.hoursUnit),
          needAfter: formatHours(locale, u.need.after, u.hoursUnit),
          shortBefore: formatHours(locale, u.shortfall.before, u.hoursUnit),
          shortAfter: formatHours(locale, u.shortfall.after, u.hoursUnit),
        }),
      );
    if (answer.units.length > UNITS_SHOWN)
      lines.push(t("whatif.more_units", { count: answer.units.length - UNITS_SHOWN }));
  }
  if (answer.unknown.length > 0) lines.push(t("whatif.unknown", { names: answer.unknown.join(", ") }));
  return lines.join("\n");
}

/** The changes of a what-if in words, HTML: each school's rombel, who leaves, the caps and distance. */
export function whatIfChangeTexts(
  locale: Locale,
  changes: {
    rombel: ReadonlyArray<{ unit: string; rombel: number }>;
    leaving: readonly string[];
    policy: {
      maxMovesOutPerUnit?: number | null;
      maxMovesInPerUnit?: number | null;
      maxDistanceKm?: number | null;
    };
  },
): WhatIfChangeText[] {
  const t = (key: TextKey, params?: TextParams) => translate(locale, key, params);
  const limit = (value: number | null | undefined) =>
    value === undefined ? null : value === null ? t("whatif.unlimited") : formatNumber(locale, value, 1);
  const texts = changes.rombel.map((r) => t("whatif.change.rombel", { unit: r.unit, rombel: r.rombel }));
  if (changes.leaving.length > 0) texts.push(t("whatif.change.leaving", { count: changes.leaving.length }));
  const { maxMovesOutPerUnit: out, maxMovesInPerUnit: into, maxDistanceKm: km } = changes.policy;
  if (limit(out) !== null) texts.push(t("whatif.change.max_out", { value: limit(out) ?? "" }));
  if (limit(into) !== null) texts.push(t("whatif.change.max_in", { value: limit(into) ?? "" }));
  if (limit(km) !== null) texts.push(t("whatif.change.max_km", { value: limit(km) ?? "" }));
  return texts;
}
