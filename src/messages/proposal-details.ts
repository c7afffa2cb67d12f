// "Rincian" under a proposal: the whole rationale, so the team can explain the decision to the person.
import { parseProposalMetrics } from "../domain/proposal-metrics.ts";
import { formatDate, formatDateTime } from "../domain/time.ts";
import { fullLoadGain } from "../domain/workload.ts";
import { formatNumber, Html, translate, type Locale, type TextKey } from "./locales/index.ts";
import { moveHours, moveLines } from "./move-words.ts";
import {
  loadLines,
  namesOf,
  outcomeLine,
  reasonOf,
  type EarlierRejection,
  type ProposalForCard,
} from "./proposal-card.ts";

/** "Rincian": the full rationale, so a decision can be explained to the person moved. */
export function renderProposalDetails(
  proposal: ProposalForCard,
  locale: Locale,
  timeZone: string,
  rejections: readonly EarlierRejection[] = [],
): string {
  const m = parseProposalMetrics(proposal.metrics);
  const hours = moveHours(m);
  const t = (key: TextKey, params?: Record<string, string | number | Html>) => translate(locale, key, params);
  const lines = [
    t("hr.details.title", {
      id: String(proposal.id),
      name: proposal.employee.name,
      nip: proposal.employee.nip,
    }),
    t("hr.details.move", {
      from: proposal.fromUnit.name,
      fromCode: proposal.fromUnit.code,
      to: proposal.toUnit.name,
      toCode: proposal.toUnit.code,
      role: proposal.role.name,
    }),
    ...(proposal.redistribution ? [t("redistribution.details")] : []),
    "",
    t("hr.details.reason", { reason: reasonOf(proposal, locale) }),
    "",
    ...(hours
      ? moveLines(locale, hours, namesOf(proposal))
      : [
          ...loadLines(proposal, locale, {
            from: ["hr.details.from_load", "hr.details.from_load_role"],
            to: ["hr.details.to_load", "hr.details.to_load_role"],
          }),
          t("hr.details.filled", { hours: m.unmetFilledHours }),
        ]),
    t("hr.details.tenure", { months: m.monthsInPost }),
    t("hr.details.distance", { km: formatNumber(locale, m.distanceKm, 1) }),
    t("hr.details.dates", {
      created: formatDateTime(proposal.createdAt, timeZone),
      expires: formatDateTime(proposal.expiresAt, timeZone),
    }),
  ];
  const decisions = proposal.decisions ?? [];
  if (decisions.length > 0) {
    lines.push("", t("hr.details.decisions"));
    for (const d of decisions) {
      lines.push(
        t(d.verdict === "APPROVE" ? "hr.details.decision_approve" : "hr.details.decision_reject", {
          name: d.user.name,
          at: formatDateTime(d.createdAt, timeZone),
          reason: d.reason ?? "",
        }),
      );
    }
  }
  // What the move does for the person: a certified teacher under 24 JP gets a full load (issue 25).
  const gain = fullLoadGain(
    {
      certified: proposal.employee.certified ?? false,
      isTeacher: (proposal.role.isTeacher ?? false) || m.hoursUnit === "JP",
      hoursTaught: proposal.employee.hoursTaught ?? null,
      standardHours: proposal.role.standardHours ?? 24,
    },
    m.unmetFilledHours,
  );
  if (gain)
    lines.push(
      t("hr.details.full_load", {
        now: gain.taughtNow,
        there: gain.atDestination,
        standard: gain.standard,
        to: proposal.toUnit.name,
      }),
    );
  // What the team said of this person before, so it does not have to remember (issue 24).
  if (rejections.length > 0) {
    lines.push("", t("hr.details.rejections"));
    for (const r of rejections)
      lines.push(
        t(r.scope === "PERSON" ? "hr.details.rejection_person" : "hr.details.rejection_school", {
          id: String(r.id),
          at: formatDate(r.at, timeZone),
          school: r.school,
          reason: r.reason,
          until: new Html(
            r.until === null
              ? t("hr.details.rejection_lifted")
              : t("hr.details.rejection_until", { date: formatDate(r.until, timeZone) }),
          ),
        }),
      );
  }
  if (proposal.status !== "PENDING") lines.push("", outcomeLine(proposal, locale, timeZone));
  // The person may object to the SK until this day (UU 30/2014 Pasal 77).
  if (proposal.status === "DECREED" && proposal.objectionDeadline)
    lines.push(t("decree.details.deadline", { date: formatDate(proposal.objectionDeadline, "UTC") }));
  return lines.join("\n");
}
