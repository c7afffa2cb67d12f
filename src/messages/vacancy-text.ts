import type { VacancyReason } from "../generated/prisma/client.ts";
import { formatDay } from "./format.ts";
import { translate, type Locale, type TextParams } from "./locales/index.ts";

/** What the HR group is told; the caller renders it in the group's language. */
export interface VacancyNotice {
  vacancyId: number;
  unitName: string;
  roleName: string;
  count: number;
  reason: VacancyReason;
  reasonText: string | null;
  since: Date;
  reporterName: string;
}

/** "Pensiun", or "Lainnya — <what the head wrote>". */
export function vacancyReasonLabel(locale: Locale, reason: VacancyReason, text: string | null): string {
  return translate(locale, `vacancy.reason.${reason}`) + (text ? ` — ${text}` : "");
}

/** The HR group's notice of a new vacancy, in the group's language. */
export function vacancyNoticeText(locale: Locale, n: VacancyNotice): string {
  return translate(locale, "vacancy.hr_notice", {
    unit: n.unitName,
    role: n.roleName,
    count: n.count,
    reason: vacancyReasonLabel(locale, n.reason, n.reasonText),
    since: formatDay(n.since),
    reporter: n.reporterName,
  });
}

/** The head's summary before Kirim. */
export function vacancySummaryParams(
  locale: Locale,
  unit: string,
  a: { roleName: string; count: number; reason: VacancyReason; reasonText: string | null; since: string },
): TextParams {
  const reason = vacancyReasonLabel(locale, a.reason, a.reasonText);
  return { unit, role: a.roleName, count: a.count, reason, since: formatDay(new Date(a.since)) };
}
