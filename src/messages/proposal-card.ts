import type { InlineKeyboardMarkup } from "telegraf/types";
import { parseProposalMetrics } from "../domain/proposal-metrics.ts";
import { objectionAfterProposal, objectionAwaitsReview } from "../domain/objection-review.ts";
import { formatDate, formatDateTime } from "../domain/time.ts";
import type { ProposalStatus, Verdict } from "../generated/prisma/client.ts";
import { proposalData } from "./callback-data/proposal.ts";
import { formatLoadRatio } from "./format.ts";
import { moveHours, moveLines } from "./move-words.ts";
import { formatNumber, Html, translate, type Locale, type TextKey } from "./locales/index.ts";

/** An earlier rejection of the same person, as Rincian shows it (issue 24). */
export interface EarlierRejection {
  id: number;
  at: Date;
  school: string;
  scope: "SCHOOL" | "PERSON";
  reason: string;
  /** Until when later checks leave the school (or the person) out; null once an admin lifted it. */
  until: Date | null;
}

/** A proposal as the card needs it (Prisma's payload with employee, units, role and decisions fits). */
export interface ProposalForCard {
  id: number;
  status: ProposalStatus;
  reason: string;
  reasonEn: string | null;
  metrics: unknown;
  expiresAt: Date;
  createdAt: Date;
  decidedAt: Date | null;
  decidedById: number | null;
  employee: {
    name: string;
    nip: string;
    /** Certification and hours taught (JJM), for the benefit a full load brings (issue 25). */
    certified?: boolean;
    hoursTaught?: number | null;
    objection?: boolean;
    objectionReason?: string | null;
    objectionAt?: Date | null;
  };
  /** The SK once recorded (DECREED, EFFECTIVE), and how the proposal ended otherwise (issue 15). */
  skNumber?: string | null;
  skDate?: Date | null;
  tmt?: Date | null;
  objectionDeadline?: Date | null;
  effectiveAt?: Date | null;
  cancelledAt?: Date | null;
  cancelReason?: string | null;
  /** When the team marked a late objection reviewed (issue 15). */
  objectionReviewedAt?: Date | null;
  fromUnit: { name: string; code: string };
  toUnit: { name: string; code: string };
  /** Into a private school (Permendikdasmen 1/2025, issue 29): said on every view of it. */
  redistribution?: boolean;
  role: { name: string; standardHours?: number; isTeacher?: boolean };
  /** Absent on a new proposal; with it the card shows who approved so far and who decided. */
  decisions?: Array<{
    userId: number;
    verdict: Verdict;
    reason: string | null;
    createdAt: Date;
    user: { name: string };
  }>;
}

export interface RenderedCard {
  text: string;
  reply_markup: InlineKeyboardMarkup;
}

export interface CardOptions {
  /** Approvals needed; shown as progress while the proposal waits for more than one approver. */
  quorum?: number;
}

/** A head's objection recorded after the proposal was made, as the card and the digest show it. */
export function lateObjection(proposal: ProposalForCard): { awaitsReview: boolean } | null {
  const view = {
    status: proposal.status,
    createdAt: proposal.createdAt,
    objectionReviewedAt: proposal.objectionReviewedAt ?? null,
    employee: {
      objection: proposal.employee.objection ?? false,
      objectionAt: proposal.employee.objectionAt ?? null,
    },
  };
  if (!objectionAfterProposal(view) || !view.employee.objectionAt) return null;
  return { awaitsReview: objectionAwaitsReview(view) };
}

/** The ⚠️ line of a late objection: when, why, and whether the team has looked at it. */
export function objectionLine(proposal: ProposalForCard, locale: Locale, timeZone: string): string | null {
  const late = lateObjection(proposal);
  if (!late || !proposal.employee.objectionAt) return null;
  return translate(locale, late.awaitsReview ? "hr.card.objection" : "hr.card.objection_reviewed", {
    at: formatDateTime(proposal.employee.objectionAt, timeZone),
    reason: proposal.employee.objectionReason ?? "—",
  });
}

export function namesOf(proposal: ProposalForCard) {
  return {
    role: proposal.role.name,
    fromRole: parseProposalMetrics(proposal.metrics).fromRole,
    from: proposal.fromUnit.name,
    to: proposal.toUnit.name,
  };
}

export function reasonOf(proposal: ProposalForCard, locale: Locale): string {
  return locale === "en" ? (proposal.reasonEn ?? proposal.reason) : proposal.reason;
}

export function approverNames(proposal: ProposalForCard): string {
  return (proposal.decisions ?? [])
    .filter((d) => d.verdict === "APPROVE")
    .map((d) => d.user.name)
    .join(", ");
}

function body(proposal: ProposalForCard, locale: Locale): string {
  const m = parseProposalMetrics(proposal.metrics);
  const t = (key: TextKey, params?: Record<string, string | number | Html>) => translate(locale, key, params);
  const hours = moveHours(m);
  // Since issue 14 a card says what this one person does to both units, then what the plan does;
  // older proposals keep their reason and the plan's loads.
  const what = hours
    ? moveLines(locale, hours, namesOf(proposal))
    : [
        t("hr.card.role", { role: proposal.role.name }),
        t("hr.card.reason", { reason: reasonOf(proposal, locale) }),
        ...loadLines(proposal, locale, {
          from: ["hr.card.load", "hr.card.load_role"],
          to: ["hr.card.load", "hr.card.load_role"],
        }),
      ];
  return [
    t("hr.card.title", { id: String(proposal.id) }),
    t("hr.card.employee", { name: proposal.employee.name, nip: proposal.employee.nip }),
    t("hr.card.move", { from: proposal.fromUnit.name, to: proposal.toUnit.name }),
    ...what,
    t("hr.card.tenure_distance", { months: m.monthsInPost, km: formatNumber(locale, m.distanceKm, 1) }),
  ].join("\n");
}

/** The decided or lapsed state in one line: outcome, who, when (in the schedule's zone, WIT). */
export function outcomeLine(proposal: ProposalForCard, locale: Locale, timeZone: string): string {
  const at = formatDateTime(proposal.decidedAt ?? proposal.expiresAt, timeZone);
  const decider = (proposal.decisions ?? []).find((d) => d.userId === proposal.decidedById);
  switch (proposal.status) {
    case "APPROVED":
      return translate(locale, "hr.card.approved", {
        by: approverNames(proposal) || (decider?.user.name ?? "—"),
        at,
      });
    case "REJECTED":
      return translate(locale, "hr.card.rejected", {
        by: decider?.user.name ?? "—",
        at,
        reason: decider?.reason ?? "—",
      });
    case "EXPIRED":
      return translate(locale, "hr.card.expired", { at: formatDateTime(proposal.expiresAt, timeZone) });
    case "SUPERSEDED":
      return translate(locale, "hr.card.superseded", { at, reason: proposal.cancelReason ?? "—" });
    case "DECREED":
    case "EFFECTIVE":
      // @db.Date columns hold the calendar day at UTC midnight.
      return translate(
        locale,
        proposal.status === "DECREED" ? "decree.card.decreed" : "decree.card.effective",
        {
          by: approverNames(proposal) || (decider?.user.name ?? "—"),
          sk: proposal.skNumber ?? "—",
          date: proposal.skDate ? formatDate(proposal.skDate, "UTC") : "—",
          tmt: proposal.tmt ? formatDate(proposal.tmt, "UTC") : "—",
        },
      );
    case "CANCELLED":
      return translate(locale, "decree.card.cancelled", {
        at: proposal.cancelledAt ? formatDateTime(proposal.cancelledAt, timeZone) : "—",
        reason: proposal.cancelReason ?? "—",
      });
    default:
      return "";
  }
}

/**
 * The card in the HR group. Pure: the balancing check queues it through the outbox
 * (sendMessage, parse_mode HTML) and the decision handlers edit it in place.
 */
export function renderProposalCard(
  proposal: ProposalForCard,
  locale: Locale,
  timeZone: string,
  options: CardOptions = {},
): RenderedCard {
  const lines = [body(proposal, locale)];
  if (proposal.status !== "PENDING") {
    lines.push("", outcomeLine(proposal, locale, timeZone));
    // An empty keyboard in editMessageText is how the buttons go away.
    return { text: lines.join("\n"), reply_markup: { inline_keyboard: [] } };
  }
  const approvals = (proposal.decisions ?? []).filter((d) => d.verdict === "APPROVE").length;
  if (approvals > 0 && (options.quorum ?? 1) > 1) {
    lines.push(
      translate(locale, "hr.card.progress", {
        count: approvals,
        quorum: options.quorum ?? 1,
        names: approverNames(proposal),
      }),
    );
  }
  const objection = objectionLine(proposal, locale, timeZone);
  if (objection) lines.push(objection);
  lines.push(translate(locale, "hr.card.expires", { at: formatDateTime(proposal.expiresAt, timeZone) }));
  const review = lateObjection(proposal)?.awaitsReview
    ? [
        [
          {
            text: translate(locale, "hr.button.reviewed"),
            callback_data: proposalData.pack("reviewed", proposal.id),
          },
        ],
      ]
    : [];
  return {
    text: lines.join("\n"),
    reply_markup: {
      inline_keyboard: [
        ...review,
        [
          {
            text: translate(locale, "hr.button.approve"),
            callback_data: proposalData.pack("approve", proposal.id),
          },
          {
            text: translate(locale, "hr.button.reject"),
            callback_data: proposalData.pack("reject", proposal.id),
          },
        ],
        [
          {
            text: translate(locale, "hr.button.details"),
            callback_data: proposalData.pack("details", proposal.id),
          },
        ],
      ],
    },
  };
}

/**
 * The origin's and the destination's load before and after, each in its [plain, with role] key.
 * Loads are of one role in a unit; say which when the proposal recorded it (older ones did not).
 */
export function loadLines(
  proposal: ProposalForCard,
  locale: Locale,
  keys: { from: [TextKey, TextKey]; to: [TextKey, TextKey] },
): string[] {
  const m = parseProposalMetrics(proposal.metrics);
  const line = (
    [plainKey, roleKey]: [TextKey, TextKey],
    unit: string,
    role: string | undefined,
    before: number | null,
    after: number | null,
  ) => {
    // No ∞ for people: a role with work and nobody to do it reads "belum ada pegawai".
    const shown = (ratio: number | null) => formatLoadRatio(locale, ratio ?? Infinity);
    const params = { unit, before: shown(before), after: shown(after) };
    return role ? translate(locale, roleKey, { ...params, role }) : translate(locale, plainKey, params);
  };
  return [
    line(keys.from, proposal.fromUnit.name, m.fromRole, m.fromLoadBefore, m.fromLoadAfter),
    line(keys.to, proposal.toUnit.name, m.toRole, m.toLoadBefore, m.toLoadAfter),
  ];
}
