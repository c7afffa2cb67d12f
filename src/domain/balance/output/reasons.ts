import type { PlanLocale, UnitLoad } from "../types.ts";

/** Texts of a move's reason. They live with the engine because the CLI prints plans without the bot. */
const TEXTS = {
  id: {
    numberLocale: "id-ID",
    fills: (hours: string, role: string, unit: string) =>
      `Mengisi kekurangan ${hours} JP/minggu ${role} di ${unit}`,
    replaces: (role: string, unit: string) => `Menggantikan ${role} yang dipindahkan dari ${unit}`,
    load: (parts: string) => `beban ${parts}`,
    noCapacity: "tanpa kapasitas",
  },
  en: {
    numberLocale: "en-US",
    fills: (hours: string, role: string, unit: string) =>
      `Fills a shortage of ${hours} hours/week of ${role} at ${unit}`,
    replaces: (role: string, unit: string) => `Replaces a ${role} moved out of ${unit}`,
    load: (parts: string) => `load ${parts}`,
    noCapacity: "no capacity",
  },
} as const;

export interface ReasonFacts {
  role: string;
  from: { name: string; load: UnitLoad | undefined };
  to: { name: string; load: UnitLoad | undefined };
  /** Shortage of the filled role at the destination before the plan; ≤ 0 when the move refills a departure. */
  shortageBefore: number;
}

/** Renders reasons in one locale, with number formats built once per plan. */
export function reasonWriter(locale: PlanLocale): (facts: ReasonFacts) => string {
  const text = TEXTS[locale];
  const hours = new Intl.NumberFormat(text.numberLocale, { maximumFractionDigits: 1 });
  const ratio = new Intl.NumberFormat(text.numberLocale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const formatRatio = (value: number | null) => (value === null ? text.noCapacity : ratio.format(value));
  const change = (side: ReasonFacts["from"]) =>
    `${side.name} ${formatRatio(side.load?.ratioBefore ?? null)} → ${formatRatio(side.load?.ratioAfter ?? null)}`;
  return (facts) => {
    const what =
      facts.shortageBefore > 0
        ? text.fills(hours.format(facts.shortageBefore), facts.role, facts.to.name)
        : text.replaces(facts.role, facts.to.name);
    return `${what}; ${text.load(`${change(facts.to)}, ${change(facts.from)}`)}.`;
  };
}
