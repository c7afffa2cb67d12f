import type { InlineKeyboardMarkup } from "telegraf/types";
import { formatDate, formatDateTime } from "../domain/time.ts";
import type { ProposalStatus, ResponseKind, ResponseStatus } from "../generated/prisma/client.ts";
import { responseDecisionData } from "./callback-data/employee-response.ts";
import { translate, type Locale } from "./locales/index.ts";

/** A response as its card needs it: the person's words, the proposal they are about, the outcome. */
export interface ResponseForCard {
  id: number;
  kind: ResponseKind;
  text: string;
  status: ResponseStatus;
  createdAt: Date;
  decidedAt: Date | null;
  decisionReason: string | null;
  decidedBy: { name: string } | null;
  proposal: {
    id: number;
    status: ProposalStatus;
    skNumber: string | null;
    skDate: Date | null;
    tmt: Date | null;
    objectionDeadline: Date | null;
    employee: { name: string; nip: string };
    fromUnit: { name: string };
    toUnit: { name: string };
    role: { name: string };
  };
}

/**
 * The card in the HR group: who, which proposal, their words, the keberatan deadline; while open,
 * Terima (batalkan usulan) / Tolak; once decided, who decided and how, without buttons.
 */
export function renderResponseCard(
  response: ResponseForCard,
  locale: Locale,
  timeZone: string,
): { text: string; reply_markup?: InlineKeyboardMarkup } {
  const p = response.proposal;
  const day = (date: Date | null) => (date ? formatDate(date, "UTC") : "—");
  const lines = [
    translate(locale, `response.card.${response.kind}`, {
      id: p.id,
      name: p.employee.name,
      nip: p.employee.nip,
      from: p.fromUnit.name,
      to: p.toUnit.name,
      role: p.role.name,
      status: translate(locale, `status.proposal_status.${p.status}`),
      sk: p.skNumber ?? "—",
      skDate: day(p.skDate),
      tmt: day(p.tmt),
      deadline: p.objectionDeadline
        ? formatDate(p.objectionDeadline, "UTC")
        : translate(locale, "response.card.no_deadline"),
      text: response.text,
      at: formatDateTime(response.createdAt, timeZone),
    }),
  ];
  const decided = {
    by: response.decidedBy?.name ?? "—",
    at: response.decidedAt ? formatDateTime(response.decidedAt, timeZone) : "—",
    id: p.id,
    reason: response.decisionReason ?? "—",
  };
  if (response.status === "UPHELD") lines.push(translate(locale, "response.card.upheld", decided));
  if (response.status === "DISMISSED") lines.push(translate(locale, "response.card.dismissed", decided));
  if (response.status !== "OPEN") return { text: lines.join("\n\n") };
  lines.push(translate(locale, "response.card.open"));
  return {
    text: lines.join("\n\n"),
    reply_markup: {
      inline_keyboard: [
        [
          {
            text: translate(locale, "response.card.button.uphold"),
            callback_data: responseDecisionData.pack("UPHOLD", response.id),
          },
          {
            text: translate(locale, "response.card.button.dismiss"),
            callback_data: responseDecisionData.pack("DISMISS", response.id),
          },
        ],
      ],
    },
  };
}
