import { z } from "zod";
import type { DbTx } from "../../db/client.ts";
import { approverFor } from "../../db/hr-approver.ts";
import { rememberCardPlace } from "../../db/card-place.ts";
import type { Actor } from "../../domain/actor.ts";
import { writeAudit } from "../../db/audit.ts";
import { loadProposal, type ProposalWithRelations } from "../../db/proposal-query.ts";
import { enqueueEdit, enqueueMessage, PRIORITY } from "../../delivery/outbox.ts";
import { DomainError } from "../../domain/errors.ts";
import { formatDate, formatDateTime } from "../../domain/time.ts";
import type { EmployeeResponse, User } from "../../generated/prisma/client.ts";
import { isLocale, translate, type Locale } from "../../messages/locales/index.ts";
import { renderResponseCard, type ResponseForCard } from "../../messages/response-card.ts";
import { cancelProposal, cancelReasonSchema } from "./cancel-proposal.ts";

export const DISMISS_REASON_MAX = 500;
/** A dismissal is recorded only with its reason: the person is told why their words did not change it. */
export const dismissReasonSchema = z.string().trim().min(1).max(DISMISS_REASON_MAX);

export interface ResponseDecisionContext {
  responseId: number;
  /** Who decides (an approver of the proposal's agency; anyone else is refused). */
  actor: Actor;
  /** The agency of the HR group whose button was pressed, if one was (see DecisionContext). */
  inGroupOf?: number | null | undefined;
  now: Date;
  timeZone: string;
  /** Where the card is, remembered when the outbox has not recorded it yet. */
  card?: { chatId: number | bigint; messageId: number } | undefined;
}

export interface CheckedResponseDecision {
  response: EmployeeResponse;
  proposal: ProposalWithRelations;
  approver: User;
}

/**
 * Every guard of deciding a response, re-read under row locks (the proposal, then the response:
 * the order cancelProposal and recordResponse also take): an active HR_APPROVER of the proposal's
 * agency, in that agency's HR group, not about themselves (UU 30/2014 Pasal 42), and the response
 * still open — else the presser is told who decided it and how. Changes nothing but the card's place.
 */
export async function checkResponseDecision(
  db: DbTx,
  input: ResponseDecisionContext,
): Promise<CheckedResponseDecision> {
  const first = await db.employeeResponse.findUnique({ where: { id: input.responseId } });
  if (!first) throw new DomainError("response_unknown");
  await db.$queryRaw`SELECT id FROM "Proposal" WHERE id = ${first.proposalId} FOR UPDATE`;
  await db.$queryRaw`SELECT id FROM "EmployeeResponse" WHERE id = ${first.id} FOR UPDATE`;
  const response = await db.employeeResponse.findUniqueOrThrow({ where: { id: first.id } });
  const proposal = await loadProposal(db, response.proposalId);
  if (!proposal) throw new DomainError("response_unknown");
  const approver = await approverFor(db, {
    actor: input.actor,
    inGroupOf: input.inGroupOf,
    agencyId: proposal.agencyId,
    employeeId: response.employeeId,
    selfError: "response_about_self",
  });
  if (response.status !== "OPEN") await alreadyDecided(db, response, input.timeZone);

  if (input.card && response.cardMessageId === null) {
    const place = { chatId: BigInt(input.card.chatId), messageId: input.card.messageId };
    await rememberCardPlace(db, { kind: "response-card", refId: response.id, ...place });
    response.cardChatId = place.chatId;
    response.cardMessageId = place.messageId;
  }
  return { response, proposal, approver };
}

async function alreadyDecided(db: DbTx, response: EmployeeResponse, timeZone: string): Promise<never> {
  const decider = response.decidedById
    ? await db.user.findUnique({ where: { id: response.decidedById } })
    : null;
  throw new DomainError("response_already_decided", {
    kind: translate("id", `response.kind_title.${response.kind}`),
    by: decider?.name ?? "—",
    at: response.decidedAt ? formatDateTime(response.decidedAt, timeZone) : "—",
    outcome: translate(
      "id",
      response.status === "UPHELD" ? "response.decided.UPHELD" : "response.decided.DISMISSED",
    ),
  });
}

export interface DecideResponseInput extends ResponseDecisionContext {
  verdict: "UPHOLD" | "DISMISS";
  /** Required to dismiss. */
  reason?: string | undefined;
  /** Language of the group's card. */
  locale: Locale;
}

/** A decided response with what its card and the messages about it need. */
export type DecidedResponse = EmployeeResponse &
  ResponseForCard & { proposal: ProposalWithRelations; decidedBy: { name: string } | null };

export interface DecideResponseOutcome {
  response: DecidedResponse;
  proposal: ProposalWithRelations;
}

/**
 * An approver upholds (the proposal is cancelled through cancelProposal, with the person's words as
 * its reason) or dismisses (with a reason) a tanggapan or keberatan. The change is guarded on status
 * and version, so of two racing approvers one decides and the other is told who did. Audited; the
 * card is edited and the person (or, not joined, the origin head) told, through the outbox.
 */
export async function decideResponse(db: DbTx, input: DecideResponseInput): Promise<DecideResponseOutcome> {
  const { response, proposal, approver } = await checkResponseDecision(db, input);
  let reason: string | null = null;
  if (input.verdict === "DISMISS") {
    const parsed = dismissReasonSchema.safeParse(input.reason ?? "");
    if (!parsed.success) throw new DomainError("dismiss_reason_invalid");
    reason = parsed.data;
  } else if (proposal.status === "EFFECTIVE") {
    throw new DomainError("response_uphold_effective", {
      tmt: proposal.tmt ? formatDate(proposal.tmt, "UTC") : "—",
    });
  }
  const status = input.verdict === "UPHOLD" ? "UPHELD" : "DISMISSED";
  const { count } = await db.employeeResponse.updateMany({
    where: { id: response.id, status: "OPEN", version: response.version },
    data: {
      status,
      version: { increment: 1 },
      decidedById: approver.id,
      decidedAt: input.now,
      decisionReason: reason,
    },
  });
  if (count !== 1) {
    const fresh = await db.employeeResponse.findUniqueOrThrow({ where: { id: response.id } });
    return alreadyDecided(db, fresh, input.timeZone);
  }

  let current = proposal;
  if (input.verdict === "UPHOLD") {
    const prefix = response.kind === "KEBERATAN" ? "keberatan diterima: " : "tanggapan diterima: ";
    const words = response.text.replace(/\s+/g, " ");
    const max = 500 - prefix.length;
    const cancelReason = cancelReasonSchema.parse(
      prefix + (words.length > max ? `${words.slice(0, max - 1)}…` : words),
    );
    current = await cancelProposal(db, {
      proposalId: proposal.id,
      actor: { id: approver.id, name: approver.name },
      reason: cancelReason,
      now: input.now,
      timeZone: input.timeZone,
      locale: input.locale,
      details: { responseId: response.id },
      // The person hears it once, in tellOutcome's words; the heads through the cancellation.
      tellPerson: false,
    });
  }
  await writeAudit(db, {
    actorId: approver.id,
    actorName: approver.name,
    action: input.verdict === "UPHOLD" ? "response.uphold" : "response.dismiss",
    entity: "proposal",
    entityId: proposal.id,
    details: {
      responseId: response.id,
      kind: response.kind,
      nip: proposal.employee.nip,
      ...(reason ? { reason } : {}),
    },
  });

  const decided = await db.employeeResponse.findUniqueOrThrow({ where: { id: response.id } });
  const forCard: DecidedResponse = { ...decided, decidedBy: { name: approver.name }, proposal: current };
  await queueResponseCardEdit(db, forCard, input);
  await tellOutcome(db, forCard, input.locale);
  return { response: forCard, proposal: current };
}

async function queueResponseCardEdit(
  db: DbTx,
  response: DecidedResponse,
  options: { locale: Locale; timeZone: string },
): Promise<void> {
  if (response.cardChatId === null || response.cardMessageId === null) return;
  const card = renderResponseCard(response, options.locale, options.timeZone);
  await enqueueEdit(db, {
    dedupeKey: `response:${response.id}:card:${response.status.toLowerCase()}`,
    chatId: response.cardChatId,
    messageId: response.cardMessageId,
    // No buttons any more: an empty keyboard takes the old one away.
    view: { text: card.text, reply_markup: card.reply_markup ?? { inline_keyboard: [] } },
    priority: PRIORITY.interactive,
  });
}

/**
 * The person hears the outcome; when they have not joined (or left), the origin head does, to pass
 * it on. An upheld one's cancellation already tells both heads (cancelProposal), so heads hear only
 * of a dismissal.
 */
async function tellOutcome(db: DbTx, response: DecidedResponse, fallback: Locale): Promise<void> {
  const p = response.proposal;
  const person = await db.user.findFirst({
    where: { active: true, employeeId: response.employeeId },
    orderBy: { id: "asc" },
  });
  const heads =
    person || response.status === "UPHELD"
      ? []
      : await db.user.findMany({
          where: { role: "UNIT_HEAD", active: true, unitId: p.fromUnitId },
          orderBy: { id: "asc" },
        });
  const recipients = [
    ...(person ? [{ user: person, as: "person" as const }] : []),
    ...heads.map((user) => ({ user, as: "head" as const })),
  ];
  const status = response.status === "UPHELD" ? "UPHELD" : "DISMISSED";
  for (const { user, as } of recipients) {
    const locale = isLocale(user.locale) ? user.locale : fallback;
    const key =
      as === "person"
        ? (`response.outcome.${status}` as const)
        : (`response.outcome.head.${status}` as const);
    const text = translate(locale, key, {
      kind: translate(locale, `response.kind_title.${response.kind}`),
      name: p.employee.name,
      id: p.id,
      from: p.fromUnit.name,
      to: p.toUnit.name,
      reason: response.decisionReason ?? "—",
    });
    await enqueueMessage(db, {
      dedupeKey: `response:${response.id}:outcome:${user.id}`,
      chatId: user.telegramId,
      method: "sendMessage",
      payload: { chat_id: user.telegramId.toString(), text },
      priority: PRIORITY.notice,
    });
  }
}
