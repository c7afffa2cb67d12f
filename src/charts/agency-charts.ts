import type { Plan } from "../domain/balance/index.ts";
import { formatDate } from "../domain/time.ts";
import { formatLoadRatio } from "../messages/format.ts";
import { translate, type Locale, type TextKey } from "../messages/locales/index.ts";
import { renderLoadChart } from "./load-chart.ts";

/** Units with the most to gain on the chart; a district's 300 units would not fit a phone screen. */
const CHART_UNITS = 20;

export interface AgencyChartsInput {
  agencies: Array<{ id: number; name: string }>;
  plan: Plan;
  units: Array<{ code: string; name: string; agencyId: number }>;
  locale: Locale;
  now: Date;
  timeZone: string;
}

/** One PNG per agency: load per unit before → after the proposals; none when nothing changes. */
export async function renderAgencyCharts(input: AgencyChartsInput): Promise<Map<number, Buffer>> {
  const unitByCode = new Map(input.units.map((u) => [u.code, u]));
  const charts = new Map<number, Buffer>();
  const t = (key: TextKey, params?: Record<string, string | number>) => translate(input.locale, key, params);
  for (const agency of input.agencies) {
    const units = input.plan.units
      .filter((u) => unitByCode.get(u.unit)?.agencyId === agency.id)
      .map((u) => ({
        name: unitByCode.get(u.unit)?.name ?? u.unit,
        before: u.ratioBefore ?? Number.POSITIVE_INFINITY,
        after: u.ratioAfter ?? Number.POSITIVE_INFINITY,
      }))
      .sort((a, b) => distanceFromBalance(b.before) - distanceFromBalance(a.before))
      .slice(0, CHART_UNITS);
    if (units.length === 0 || units.every((u) => u.before === u.after)) continue;
    charts.set(
      agency.id,
      await renderLoadChart({
        title: t("check.chart.title", { agency: agency.name }),
        subtitle: t("check.chart.subtitle", { date: formatDate(input.now, input.timeZone) }),
        labels: {
          before: t("check.chart.before"),
          after: t("check.chart.after"),
          axis: t("check.chart.axis"),
        },
        units,
        formatRatio: (ratio) => formatLoadRatio(input.locale, ratio),
      }),
    );
  }
  return charts;
}

function distanceFromBalance(ratio: number): number {
  return Number.isFinite(ratio) ? Math.abs(ratio - 1) : Number.MAX_VALUE;
}
