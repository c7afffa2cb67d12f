import { z } from "zod";
import type { DbTx } from "../../db/client.ts";
import { writeAudit } from "../../db/audit.ts";
import { loadProposal, type ProposalWithRelations } from "../../db/proposal-query.ts";
import { enqueueMessage, PRIORITY } from "../../delivery/outbox.ts";
import { DomainError } from "../../domain/errors.ts";
import { AWAITING_EFFECT_STATUSES } from "../../domain/proposal-lifecycle.ts";
import { formatDate, formatDateTime, localDate } from "../../domain/time.ts";
import type { EmployeeResponse, HrGroup, ResponseKind, User } from "../../generated/prisma/client.ts";
import { translate, type Locale } from "../../messages/locales/index.ts";
import { adminRecipients } from "../outbox-policy/index.ts";
import { queueResponseCard } from "./post-open-responses.ts";

export const RESPONSE_TEXT_MAX = 1000;
/** The person's own words: one message, 1–1000 characters (line breaks kept). */
export const responseTextSchema = z.string().trim().min(1).max(RESPONSE_TEXT_MAX);

export interface ResponseAsk {
  proposalId: number;
  kind: ResponseKind;
  /** The account pressing: only the person the proposal is about may answer it. */
  userId: number;
  now: Date;
  timeZone: string;
}

export interface CheckedResponse {
  proposal: ProposalWithRelations;
  user: User;
  /** The agency's active HR group; null while it has none (the words are kept and the admins told). */
  group: HrGroup | null;
}

/**
 * Whether this person may send this kind of words on this proposal now: their own proposal; a
 * tanggapan while the proposal awaits its effect (approved or decreed); a keberatan only against a
 * recorded SK and until its deadline (the last of the 21 working days, UU 30/2014 Pasal 77, in the
 * schedule's zone); one open of each kind at a time. Changes nothing.
 */
export async function checkResponse(db: DbTx, input: ResponseAsk): Promise<CheckedResponse> {
  const proposal = await loadProposal(db, input.proposalId);
  if (!proposal) throw new DomainError("response_proposal_unknown");
  const user = await db.user.findFirst({
    where: { id: input.userId, active: true, employeeId: proposal.employeeId },
  });
  if (!user) throw new DomainError("response_not_yours");
  // Error texts take plain parameters: the status is named as the letters name it, in Indonesian.
  const status = translate("id", `status.proposal_status.${proposal.status}`);

  if (input.kind === "KEBERATAN") {
    if (proposal.status !== "DECREED" || !proposal.objectionDeadline) {
      throw new DomainError("keberatan_not_decreed", { id: proposal.id, status });
    }
    if (localDate(input.now, input.timeZone) > proposal.objectionDeadline) {
      throw new DomainError("keberatan_late", { deadline: formatDate(proposal.objectionDeadline, "UTC") });
    }
  } else if (proposal.status === "PENDING") {
    throw new DomainError("response_not_open", { id: proposal.id });
  } else if (!(AWAITING_EFFECT_STATUSES as readonly string[]).includes(proposal.status)) {
    throw new DomainError("response_ended", { id: proposal.id, status });
  }

  const open = await db.employeeResponse.findFirst({
    where: { proposalId: proposal.id, kind: input.kind, status: "OPEN" },
  });
  if (open) {
    throw new DomainError("response_already_open", {
      kind: translate("id", `response.kind_title.${input.kind}`),
      id: proposal.id,
      at: formatDateTime(open.createdAt, input.timeZone),
    });
  }
  const group = await db.hrGroup.findFirst({
    where: { agencyId: proposal.agencyId, active: true },
    orderBy: { id: "asc" },
  });
  return { proposal, user, group };
}

/**
 * Records the person's tanggapan or keberatan, audits it and posts its card to the agency's HR
 * group through the outbox, in one transaction. A row lock on the proposal makes two sends at once
 * (two phones, a double tap) give one open response; the second is told it is already with the team.
 * With no active HR group the words are still recorded, with the time they were filed (a keberatan's
 * deadline is the law's, not the bot's), and the admins are told; the card follows when a group is
 * linked or comes back (postOpenResponses).
 */
export async function recordResponse(
  db: DbTx,
  input: ResponseAsk & { text: string; locale: Locale; adminIds: readonly bigint[] },
): Promise<{
  response: EmployeeResponse;
  proposal: ProposalWithRelations;
  agency: string;
  /** Whether the card went to an HR group (false: kept for the group, admins told). */
  forwarded: boolean;
}> {
  const text = responseTextSchema.safeParse(input.text);
  if (!text.success) throw new DomainError("response_text_invalid", { min: 1, max: RESPONSE_TEXT_MAX });
  await db.$queryRaw`SELECT id FROM "Proposal" WHERE id = ${input.proposalId} FOR UPDATE`;
  const { proposal, user, group } = await checkResponse(db, input);

  const response = await db.employeeResponse.create({
    data: {
      proposalId: proposal.id,
      employeeId: proposal.employeeId,
      kind: input.kind,
      text: text.data,
      createdById: user.id,
      createdAt: input.now,
    },
  });
  await writeAudit(db, {
    actorId: user.id,
    // The person by their record's name, not the name their Telegram account shows.
    actorName: proposal.employee.name,
    action: input.kind === "KEBERATAN" ? "response.keberatan" : "response.tanggapan",
    entity: "proposal",
    entityId: proposal.id,
    details: {
      responseId: response.id,
      nip: proposal.employee.nip,
      status: proposal.status,
      ...(proposal.skNumber ? { skNumber: proposal.skNumber } : {}),
      length: text.data.length,
      ...(group ? {} : { hrGroup: "none" }),
    },
  });
  const agency = await db.agency.findUniqueOrThrow({ where: { id: proposal.agencyId } });
  if (!group) {
    await tellAdmins(db, { response, proposal, agency: agency.name, code: agency.code, ...input });
    return { response, proposal, agency: agency.name, forwarded: false };
  }
  await queueResponseCard(db, { ...response, proposal }, group.chatId, `response:${response.id}:card`, input);
  return { response, proposal, agency: agency.name, forwarded: true };
}

/** The admins hear of words no HR group can take yet: who, on what, the words, and how to link. */
async function tellAdmins(
  db: DbTx,
  input: {
    response: EmployeeResponse;
    proposal: ProposalWithRelations;
    agency: string;
    code: string;
    locale: Locale;
    timeZone: string;
    adminIds: readonly bigint[];
  },
): Promise<void> {
  const { response, proposal } = input;
  const admins = await adminRecipients(db, {
    ADMIN_TELEGRAM_IDS: [...input.adminIds],
    DEFAULT_LOCALE: input.locale,
  });
  for (const [chatId, locale] of admins) {
    await enqueueMessage(db, {
      dedupeKey: `response:${response.id}:unlinked:admin:${chatId}`,
      chatId,
      method: "sendMessage",
      payload: {
        chat_id: chatId.toString(),
        text: translate(locale, `response.admin_unlinked.${response.kind}`, {
          id: proposal.id,
          name: proposal.employee.name,
          nip: proposal.employee.nip,
          from: proposal.fromUnit.name,
          to: proposal.toUnit.name,
          sk: proposal.skNumber ?? "—",
          deadline: proposal.objectionDeadline ? formatDate(proposal.objectionDeadline, "UTC") : "—",
          agency: input.agency,
          code: input.code,
          text: response.text,
          at: formatDateTime(response.createdAt, input.timeZone),
        }),
      },
      priority: PRIORITY.notice,
    });
  }
}
