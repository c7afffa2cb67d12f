import type { UnitLoad } from "../domain/balance/index.ts";
import { formatRatio } from "./format.ts";
import { Html, translate, type Locale } from "./locales/index.ts";

/** Units listed under "overloaded" and under "underloaded": a group chat message stays short. */
const ALERT_UNITS = 3;

export interface BalancingAlertInput {
  agency: string;
  unmetBefore: number;
  unmetAfter: number;
  proposals: number;
  loads: UnitLoad[];
  unitById: Map<string, { name: string }>;
  /** Certified teachers of the agency under the standard JP (line added by the capacity work, issue 13). */
  certifiedUnderStandard?: number;
}

/** The weekly imbalance alert an agency's HR group gets before the proposal cards. */
export function balancingAlertText(locale: Locale, input: BalancingAlertInput): string {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate(locale, key, params);
  const line = (u: UnitLoad) =>
    t("check.alert.unit", {
      unit: input.unitById.get(u.unit)?.name ?? u.unit,
      load: new Html(formatRatio(locale, u.ratioBefore, "percent")),
    });
  const withDemand = input.loads.filter((u) => u.demand > 0 || u.capacityBefore > 0);
  const overloaded = withDemand
    .filter((u) => u.ratioBefore === null || u.ratioBefore > 1)
    .sort((a, b) => (b.ratioBefore ?? Infinity) - (a.ratioBefore ?? Infinity))
    .slice(0, ALERT_UNITS);
  const underloaded = withDemand
    .filter((u) => u.ratioBefore !== null && u.ratioBefore < 1)
    .sort((a, b) => (a.ratioBefore ?? 0) - (b.ratioBefore ?? 0))
    .slice(0, ALERT_UNITS);
  return [
    t("check.alert.title", { agency: input.agency }),
    t("check.alert.unmet", { before: input.unmetBefore, after: input.unmetAfter }),
    "",
    t("check.alert.overloaded"),
    ...(overloaded.length ? overloaded.map(line) : [t("check.alert.none")]),
    t("check.alert.underloaded"),
    ...(underloaded.length ? underloaded.map(line) : [t("check.alert.none")]),
    ...certifiedUnderStandardLine(locale, input.certifiedUnderStandard ?? 0),
    "",
    input.proposals > 0
      ? t("check.alert.proposals", { count: input.proposals })
      : t("check.alert.no_proposals"),
  ].join("\n");
}

/** "⚠️ n certified teachers teach under 24 JP": nothing when there are none. */
export function certifiedUnderStandardLine(locale: Locale, count: number): string[] {
  return count > 0 ? [translate(locale, "check.alert.certified_under", { count })] : [];
}
