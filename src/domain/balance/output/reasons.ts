import type { PlanLocale, UnitLoad } from "../types.ts";

/**
 * Texts of a move's reason. They live with the engine because the CLI prints plans without the bot.
 * A move says what this one person brings out of the destination's shortage (not the shortage alone,
 * which read as if one person filled it all), and loads as percentages, as the cards show them. The
 * loads are the whole unit's, all roles, before and after every move of the plan (not this one alone).
 */
const TEXTS = {
  id: {
    numberLocale: "id-ID",
    unit: { JP: "JP", jam: "jam" },
    fills: (hours: string, shortage: string, unit: string, role: string, at: string) =>
      `Mengisi ${hours} dari kekurangan ${shortage} ${unit}/minggu ${role} di ${at}`,
    replaces: (role: string, at: string) => `Menggantikan ${role} yang dipindahkan dari ${at}`,
    load: (parts: string) => `beban seluruh unit dengan semua usulan: ${parts}`,
    noCapacity: "belum ada pegawai",
    volunteer: "bersedia (sukarela)",
    preferred: "tujuan yang diminta",
    deeper: (from: string, left: string, unit: string, to: string, toShare: string, fromShare: string) =>
      `${from} menjadi kurang ${left} ${unit}, tetapi kekurangan di ${to} lebih dalam (${toShare} kebutuhannya belum terpenuhi, di ${from} ${fromShare}) dan kekurangan terdalam didahulukan`,
  },
  en: {
    numberLocale: "en-US",
    unit: { JP: "JP", jam: "hours" },
    fills: (hours: string, shortage: string, unit: string, role: string, at: string) =>
      `Fills ${hours} of a shortage of ${shortage} ${unit}/week of ${role} at ${at}`,
    replaces: (role: string, at: string) => `Replaces a ${role} moved out of ${at}`,
    load: (parts: string) => `whole-unit load with every proposal: ${parts}`,
    noCapacity: "no staff yet",
    volunteer: "willing (volunteer)",
    preferred: "a destination they asked for",
    deeper: (from: string, left: string, unit: string, to: string, toShare: string, fromShare: string) =>
      `${from} is left ${left} ${unit} short, but the shortage at ${to} is deeper (${toShare} of its need unmet, ${fromShare} at ${from}) and the deepest shortage comes first`,
  },
} as const;

export interface ReasonFacts {
  role: string;
  from: { name: string; load: UnitLoad | undefined };
  to: { name: string; load: UnitLoad | undefined };
  /** Shortage of the filled role at the destination before the plan; ≤ 0 when the move refills a departure. */
  shortageBefore: number;
  /** Weekly hours this person brings. */
  hours: number;
  /** JP for teaching roles, jam for the others; the plan format does not say, so jam unless told. */
  hoursUnit?: "JP" | "jam";
  /** The person said they are willing to move (plan v2 tier 5). */
  volunteer?: boolean;
  /** The destination is one the person asked for (plan v2 tier 6). */
  preferred?: boolean;
  /**
   * The move leaves its origin short in the person's role (issue 25): how short after the plan, and
   * the unmet share of the need there and at the destination before, so the reason says why it pays
   * (plan v2's severity: the deepest shortages weigh most).
   */
  originShort?: { unmetAfter: number; originShare: number; destinationShare: number };
}

/** Renders reasons in one locale, with number formats built once per plan. */
export function reasonWriter(locale: PlanLocale): (facts: ReasonFacts) => string {
  const text = TEXTS[locale];
  const hours = new Intl.NumberFormat(text.numberLocale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(text.numberLocale, { style: "percent", maximumFractionDigits: 0 });
  const formatRatio = (value: number | null) => (value === null ? text.noCapacity : percent.format(value));
  const change = (side: ReasonFacts["from"]) =>
    `${side.name} ${formatRatio(side.load?.ratioBefore ?? null)} → ${formatRatio(side.load?.ratioAfter ?? null)}`;
  return (facts) => {
    const shortage = facts.shortageBefore;
    const what =
      shortage > 0
        ? text.fills(
            hours.format(Math.min(facts.hours, shortage)),
            hours.format(shortage),
            text.unit[facts.hoursUnit ?? "jam"],
            facts.role,
            facts.to.name,
          )
        : text.replaces(facts.role, facts.to.name);
    const wishes = [facts.volunteer ? text.volunteer : null, facts.preferred ? text.preferred : null]
      .filter((part) => part !== null)
      .join(", ");
    const said = wishes === "" ? "" : `; ${wishes}`;
    const short = facts.originShort;
    const deeper = short
      ? `; ${text.deeper(
          facts.from.name,
          hours.format(short.unmetAfter),
          text.unit[facts.hoursUnit ?? "jam"],
          facts.to.name,
          percent.format(short.destinationShare),
          percent.format(short.originShare),
        )}`
      : "";
    return `${what}; ${text.load(`${change(facts.to)}, ${change(facts.from)}`)}${deeper}${said}.`;
  };
}
