// Each move in its own words (issue 14): what this one person's hours do to the destination and to
// the origin, then what the whole plan does — one number format (percent) for load, JP or jam.
import type { ProposalMetrics } from "../domain/proposal-metrics.ts";
import { formatHours, formatLoad } from "./format.ts";
import { formatNumber, Html, translate, type Locale } from "./locales/index.ts";

/** Metrics of a proposal stored since issue 14: the per-move hours are there. */
export interface MoveHours {
  unit: "JP" | "jam";
  person: number;
  toNeed: number;
  toHave: number;
  toHavePlan: number;
  fromNeed: number;
  fromHave: number;
  fromHavePlan: number;
}

/** The per-move hours, or null for a proposal stored before they were recorded. */
export function moveHours(m: ProposalMetrics): MoveHours | null {
  if (
    m.personHours === undefined ||
    m.toNeed === undefined ||
    m.toHave === undefined ||
    m.fromNeed === undefined ||
    m.fromHave === undefined
  )
    return null;
  return {
    unit: m.hoursUnit ?? "jam",
    person: m.personHours,
    toNeed: m.toNeed,
    toHave: m.toHave,
    toHavePlan: m.toHavePlan ?? m.toHave,
    fromNeed: m.fromNeed,
    fromHave: m.fromHave,
    fromHavePlan: m.fromHavePlan ?? m.fromHave,
  };
}

const num = (locale: Locale, hours: number) => formatNumber(locale, Math.round(hours * 10) / 10, 1);

/** "kurang 168 → 144 JP": the destination's shortage now and with this person alone. */
export function shortageChange(locale: Locale, h: MoveHours): string {
  const before = Math.max(0, h.toNeed - h.toHave);
  const after = Math.max(0, h.toNeed - h.toHave - h.person);
  if (before <= 0) return translate(locale, "move.short_none");
  if (after <= 0)
    return translate(locale, "move.short_filled", { before: formatHours(locale, before, h.unit) });
  return translate(locale, "move.short", {
    before: num(locale, before),
    after: formatHours(locale, after, h.unit),
  });
}

/** "kurang 96 JP" or "terpenuhi": a shortage left as it stands. */
export function shortageLeft(locale: Locale, need: number, have: number, unit: "JP" | "jam"): string {
  const left = Math.max(0, need - have);
  return left > 0
    ? translate(locale, "move.short_left", { hours: formatHours(locale, left, unit) })
    : translate(locale, "move.filled");
}

/** "120 JP dibutuhkan, 96 tersisa diajar": the origin's need and what its staff still cover. */
export function originLeft(locale: Locale, need: number, left: number, unit: "JP" | "jam"): string {
  return translate(locale, unit === "JP" ? "move.left_jp" : "move.left_jam", {
    need: formatHours(locale, need, unit),
    left: num(locale, Math.max(0, left)),
  });
}

/**
 * The jabatan a move gives: "Guru IPA → Guru Kelas SD (alih fungsi)" when the person takes another
 * role (what the team must judge), the role alone when it stays the same or the old one is unknown.
 */
export function roleChange(locale: Locale, fromRole: string | undefined, toRole: string): string {
  return fromRole && fromRole !== toRole
    ? translate(locale, "move.role_change", { from: fromRole, to: toRole })
    : toRole;
}

/**
 * The lines a card and the details show about one move: what the person brings, the destination
 * and the origin with this person alone, then with every move of the check.
 */
export function moveLines(
  locale: Locale,
  h: MoveHours,
  names: { role: string; fromRole?: string | undefined; from: string; to: string },
): string[] {
  const teaching = h.unit === "JP";
  const load = (need: number, have: number) => new Html(formatLoad(locale, need, have, teaching));
  return [
    translate(locale, "move.brings", {
      role: roleChange(locale, names.fromRole, names.role),
      hours: formatHours(locale, h.person, h.unit),
    }),
    translate(locale, "move.to", {
      unit: names.to,
      role: names.role,
      change: new Html(shortageChange(locale, h)),
      before: load(h.toNeed, h.toHave),
      after: load(h.toNeed, h.toHave + h.person),
    }),
    translate(locale, "move.from", {
      unit: names.from,
      role: names.fromRole ?? names.role,
      left: new Html(originLeft(locale, h.fromNeed, h.fromHave - h.person, h.unit)),
      before: load(h.fromNeed, h.fromHave),
      after: load(h.fromNeed, h.fromHave - h.person),
    }),
    translate(locale, "move.plan", {
      to: names.to,
      toRole: names.role,
      fromRole: names.fromRole ?? names.role,
      toLeft: new Html(shortageLeft(locale, h.toNeed, h.toHavePlan, h.unit)),
      toLoad: load(h.toNeed, h.toHavePlan),
      from: names.from,
      fromLeft: new Html(originLeft(locale, h.fromNeed, h.fromHavePlan, h.unit)),
      fromLoad: load(h.fromNeed, h.fromHavePlan),
    }),
  ];
}
