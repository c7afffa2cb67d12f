import type { IneligibleWhy, Plan, UnitLoad } from "../domain/balance/index.ts";
import { formatHours, formatHoursSplit, formatLoad } from "./format.ts";
import { unmetOfLoads } from "../domain/hours.ts";
import { Html, translate, type Locale, type TextKey, type TextParams } from "./locales/index.ts";
import { planningLines, type AlertFormasi, type AlertRequests } from "./alert-planning.ts";

/** A unit and role still short after the plan, with its binding reason (see Plan.shortfalls). */
export type Shortfall = NonNullable<Plan["shortfalls"]>[number];

/**
 * A shortfall as a check stores it: a cap's reason carries the window the caps count over and, for a
 * unit's own cap, what used it (moves effective in the window, committed, proposed now).
 */
export interface CheckShortfall extends Shortfall {
  /**
   * A private school's need (issue 29): the teachers who could fill it but do not meet the criteria
   * of Permendikdasmen 1/2025, in all and by criterion (a teacher may fail several).
   */
  redistribution?: {
    barred: number;
    by: Partial<Record<"education" | "rank" | "performance" | "discipline", number>>;
  };
  capUse?: {
    windowMonths: number;
    /** Per capped unit (the need's own unit, or the candidates' origins): what used its cap. */
    units: Array<{ unit: string; effective: number; committed: number; proposed: number }>;
  };
}

/** Capped origins named in a why-not line; the rest are counted. */
const CAPPED_ORIGINS_SHOWN = 2;

/** Units listed under "overloaded" and under "underloaded": a group chat message stays short. */
const ALERT_UNITS = 3;
/** Shortfalls spelled out with their reason; the rest are counted (all of them are in /status). */
export const ALERT_SHORTFALLS = 5;
/** Roles needing review named in the alert; the rest are counted. */
export const ALERT_REVIEW_ROLES = 5;

/** What the alert needs of a role: its name and whether its hours are JP (teaching) or jam. */
export interface AlertRole {
  name: string;
  hoursUnit: "JP" | "jam";
}

export interface BalancingAlertInput {
  agency: string;
  /** New proposals of this check (in the digest that follows). */
  proposals: number;
  /** Pending proposals of earlier checks that still stand, and those withdrawn now. */
  kept?: number;
  withdrawn?: number;
  /** Nothing new and nothing withdrawn: the runs whose digests hold the proposals still waiting. */
  unchangedIn?: number[] | null;
  /** Moves approved or decreed into the agency, waiting for the TMT, and the loads after them alone. */
  committed?: number;
  committedLoads?: UnitLoad[];
  /** Loads now (before) and after the committed moves and every proposal in flight (after). */
  loads: UnitLoad[];
  unitById: Map<string, { name: string }>;
  /** Certified teachers of the agency under the standard JP (line added by the capacity work, issue 13). */
  certifiedUnderStandard?: number;
  roleByCode: Map<string, AlertRole>;
  /** Still short after the plan, with why (Plan.shortfalls); absent when the engine does not say. */
  shortfalls?: Shortfall[] | undefined;
  maxDistanceKm?: number | null | undefined;
  /** Role codes an import created that await an admin's review (Role.needsReview). */
  rolesToReview?: string[] | undefined;
  /**
   * The month's first alert (issue 28): the needs transfers cannot meet per role (people), and who
   * reaches their BUP in the coming 12 months per unit.
   */
  formasi?: AlertFormasi;
  /** Private schools' open teacher requests (issue 29), and whether the agency's policy plans for them. */
  requests?: AlertRequests;
}

type T = (key: TextKey, params?: TextParams) => string;

/** "312 JP + 40 jam": unmet hours summed per unit, so JP and jam never add up into one number. */
function hoursByUnit(
  locale: Locale,
  input: BalancingAlertInput,
  field: "unmetBefore" | "unmetAfter",
  loads: UnitLoad[] = input.loads,
) {
  return formatHoursSplit(
    locale,
    unmetOfLoads(loads, (role) => input.roleByCode.get(role)?.hoursUnit ?? "jam", field),
  );
}

/** A unit's load: teaching when every role it needs counts JP ("belum ada guru" rather than "pegawai"). */
function unitLoad(locale: Locale, input: BalancingAlertInput, u: UnitLoad, when: "before" | "after"): string {
  const needed = u.roles.filter((r) => r.demand > 0);
  const teaching = needed.length > 0 && needed.every((r) => input.roleByCode.get(r.role)?.hoursUnit === "JP");
  return formatLoad(locale, u.demand, when === "before" ? u.capacityBefore : u.capacityAfter, teaching);
}

type ShortfallNames = {
  unit: string;
  role: AlertRole | undefined;
  maxDistanceKm?: number | null | undefined;
  /** The name of another unit by its code (the capped origins). */
  unitName?: (code: string) => string | undefined;
};

/** "2 berlaku, 1 diusulkan": what used a cap, the kinds with none left out. */
function capUseText(t: T, use: { effective: number; committed: number; proposed: number }): string {
  return (["effective", "committed", "proposed"] as const)
    .filter((kind) => use[kind] > 0)
    .map((kind) => t(`why.cap_use.${kind}`, { count: use[kind] }))
    .join(", ");
}

/** Why one need is still short, in words: the engine's reason, with what used a cap or who cannot move. */
function whyShort(t: T, s: CheckShortfall, names: ShortfallNames, who: string): string {
  const km = names.maxDistanceKm;
  if (s.reason === "beyond_distance")
    return km !== null && km !== undefined
      ? t("why.beyond_distance", { who, km })
      : t("why.beyond_distance_any", { who });
  const capped = s.capUse?.units ?? [];
  if (s.capUse && s.reason === "unit_intake_cap" && capped[0])
    return t("why.unit_intake_cap_window", { months: s.capUse.windowMonths, use: capUseText(t, capped[0]) });
  if (s.capUse && s.reason === "origin_cap" && capped.length > 0) {
    const named = capped
      .slice(0, CAPPED_ORIGINS_SHOWN)
      .map((u) => t("why.cap_use", { unit: names.unitName?.(u.unit) ?? u.unit, use: capUseText(t, u) }));
    const all = Math.max(capped.length, s.originCount ?? 0);
    if (all > CAPPED_ORIGINS_SHOWN) named.push(t("why.cap_use_more", { count: all - CAPPED_ORIGINS_SHOWN }));
    return t("why.origin_cap_window", { months: s.capUse.windowMonths, origins: named.join("; ") });
  }
  const ineligible = Object.entries(s.ineligible ?? {});
  if (s.reason === "candidates_ineligible" && ineligible.length > 0)
    return t("why.candidates_ineligible_by", {
      count: s.candidates ?? 0,
      reasons: ineligible
        .map(([why, n]) =>
          t("why.ineligible_count", { count: n, why: t(`why.ineligible.${why as IneligibleWhy}`) }),
        )
        .join(", "),
    });
  return t(`why.${s.reason}`, { who, role: names.role?.name ?? s.role, count: s.candidates ?? 0 });
}

/** "SD Negeri 4 Salor: kurang 96 JP — tidak ada guru yang cocok dalam 120 km". */
export function shortfallLine(locale: Locale, s: CheckShortfall, names: ShortfallNames): string {
  const t: T = (key, params) => translate(locale, key, params);
  const unit = names.role?.hoursUnit ?? "jam";
  const who = t(unit === "JP" ? "why.who_teacher" : "why.who_staff");
  const barred = s.redistribution;
  const reason =
    whyShort(t, s, names, who) +
    (barred && barred.barred > 0
      ? t("why.redistribution_barred", {
          count: barred.barred,
          criteria: Object.entries(barred.by)
            .map(([criterion, n]) => t(`why.redistribution.${criterion as "rank"}`, { count: n ?? 0 }))
            .join(", "),
        })
      : "");
  return t("check.alert.why", {
    unit: names.unit,
    role: names.role?.name ?? s.role,
    hours: formatHours(locale, s.unmetHours, unit),
    reason,
  });
}

/** The weekly imbalance alert an agency's HR group gets before the chart and the digest. */
export function balancingAlertText(locale: Locale, input: BalancingAlertInput): string {
  const t: T = (key, params) => translate(locale, key, params);
  const explained = new Set((input.shortfalls ?? []).map((s) => s.unit));
  // Before → after, so the team sees whether the schools it is told are worst are helped; one the
  // plan leaves as it is says so (and why, below, when the engine tells).
  const line = (u: UnitLoad) => {
    const untouched = u.capacityAfter === u.capacityBefore && u.roles.some((r) => r.unmetAfter > 0);
    return t("check.alert.unit_after", {
      unit: input.unitById.get(u.unit)?.name ?? u.unit,
      before: new Html(unitLoad(locale, input, u, "before")),
      after: new Html(unitLoad(locale, input, u, "after")),
      note: new Html(untouched && !explained.has(u.unit) ? t("check.alert.unit_no_move") : ""),
    });
  };
  const withDemand = input.loads.filter((u) => u.demand > 0 || u.capacityBefore > 0);
  const overloaded = withDemand
    .filter((u) => u.ratioBefore === null || u.ratioBefore > 1)
    .sort((a, b) => (b.ratioBefore ?? Infinity) - (a.ratioBefore ?? Infinity))
    .slice(0, ALERT_UNITS);
  const underloaded = withDemand
    .filter((u) => u.ratioBefore !== null && u.ratioBefore < 1)
    .sort((a, b) => (a.ratioBefore ?? 0) - (b.ratioBefore ?? 0))
    .slice(0, ALERT_UNITS);
  const lines = [
    t("check.alert.title", { agency: input.agency }),
    t("check.alert.unmet_split", {
      before: hoursByUnit(locale, input, "unmetBefore"),
      committed: input.committed ?? 0,
      committedAfter: input.committedLoads
        ? hoursByUnit(locale, input, "unmetAfter", input.committedLoads)
        : hoursByUnit(locale, input, "unmetBefore"),
      pending: input.proposals + (input.kept ?? 0),
      after: hoursByUnit(locale, input, "unmetAfter"),
    }),
    "",
    t("check.alert.overloaded"),
    ...(overloaded.length ? overloaded.map(line) : [t("check.alert.none")]),
    t("check.alert.underloaded"),
    ...(underloaded.length ? underloaded.map(line) : [t("check.alert.none")]),
    ...certifiedUnderStandardLine(locale, input.certifiedUnderStandard ?? 0),
  ];
  const shortfalls = [...(input.shortfalls ?? [])].sort((a, b) => b.unmetHours - a.unmetHours);
  if (shortfalls.length > 0) {
    lines.push("", t("check.alert.why_title"));
    for (const s of shortfalls.slice(0, ALERT_SHORTFALLS)) {
      lines.push(
        shortfallLine(locale, s, {
          unit: input.unitById.get(s.unit)?.name ?? s.unit,
          role: input.roleByCode.get(s.role),
          maxDistanceKm: input.maxDistanceKm,
          unitName: (code) => input.unitById.get(code)?.name,
        }),
      );
    }
    if (shortfalls.length > ALERT_SHORTFALLS)
      lines.push(t("check.alert.why_more", { count: shortfalls.length - ALERT_SHORTFALLS }));
  }
  lines.push(
    ...planningLines(locale, {
      ...(input.requests ? { requests: input.requests } : {}),
      ...(input.formasi ? { formasi: input.formasi } : {}),
      roleName: (code) => input.roleByCode.get(code)?.name ?? code,
      unitName: (code) => input.unitById.get(code)?.name ?? code,
    }),
  );
  lines.push("", ...inFlightLines(t, input));
  const review = input.rolesToReview ?? [];
  if (review.length > 0) {
    const rest = review.length - ALERT_REVIEW_ROLES;
    lines.push(
      "",
      t("check.alert.review", {
        count: review.length,
        codes: review.slice(0, ALERT_REVIEW_ROLES).join(", "),
        more: new Html(rest > 0 ? t("check.alert.review_more", { count: rest }) : ""),
      }),
    );
  }
  return lines.join("\n");
}

/** What this check did to the plan in flight: new proposals, kept ones, withdrawn ones, or nothing. */
function inFlightLines(t: T, input: BalancingAlertInput): string[] {
  const kept = input.kept ?? 0;
  const withdrawn = input.withdrawn ?? 0;
  if (input.unchangedIn && kept > 0)
    return [t("check.alert.unchanged", { count: kept, runs: input.unchangedIn.join(", #") })];
  const lines = [
    input.proposals > 0 ? t("check.alert.digest", { count: input.proposals }) : t("check.alert.no_proposals"),
  ];
  if (kept > 0) lines.push(t("check.alert.kept", { count: kept }));
  if (withdrawn > 0) lines.push(t("check.alert.withdrawn", { count: withdrawn }));
  return lines;
}

/** "⚠️ n certified teachers teach under 24 JP": nothing when there are none. */
export function certifiedUnderStandardLine(locale: Locale, count: number): string[] {
  return count > 0 ? [translate(locale, "check.alert.certified_under", { count })] : [];
}
