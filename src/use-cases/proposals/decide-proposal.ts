import { z } from "zod";
import type { DbTx } from "../../db/client.ts";
import { DomainError } from "../../domain/errors.ts";
import { formatDate, formatDateTime, localDate } from "../../domain/time.ts";
import { approvalFrozenOn } from "../../domain/blackout.ts";
import { objectionAwaitsReview } from "../../domain/objection-review.ts";
import { approverFor } from "../../db/hr-approver.ts";
import { rememberCardPlace } from "../../db/card-place.ts";
import type { Actor } from "../../domain/actor.ts";
import { quorumOf } from "../../db/quorum.ts";
import { getBlackouts } from "../../db/settings.ts";
import type { User } from "../../generated/prisma/client.ts";
import type { Locale } from "../../messages/locales/index.ts";
import { writeAudit } from "../../db/audit.ts";
import { enqueueTransferNotice } from "../notices/index.ts";
import { loadProposal, type ProposalWithRelations } from "../../db/proposal-query.ts";

/** A rejection is recorded only with its reason: the decision must be explainable to the person. */
export const rejectReasonSchema = z.string().trim().min(1).max(500);
export const REJECT_REASON_MAX = 500;

export interface DecisionContext {
  proposalId: number;
  /** Who decides (an approver of the proposal's agency; anyone else is refused). */
  actor: Actor;
  /**
   * The agency of the HR group whose button was pressed (null: the chat is no agency's active HR
   * group): a proposal is decided in its own agency's group. Omitted where no group is involved
   * (the Mini App, the terminal).
   */
  inGroupOf?: number | null | undefined;
  now: Date;
  timeZone: string;
  /** Where the card is, remembered when the outbox did not record it (e.g. a card posted by hand). */
  card?: { chatId: number | bigint; messageId: number } | undefined;
}

export interface DecideInput extends DecisionContext {
  verdict: "APPROVE" | "REJECT";
  reason?: string | undefined;
  /** What a rejection is about: this school (the default) or the person (issue 24). */
  scope?: "SCHOOL" | "PERSON" | undefined;
  /** Language of the group's cards (outbox edits of superseded cards). */
  locale: Locale;
}

export type DecideOutcome =
  | { kind: "vote"; proposal: ProposalWithRelations; approvals: number; quorum: number }
  | { kind: "approved"; proposal: ProposalWithRelations; quorum: number }
  | { kind: "rejected"; proposal: ProposalWithRelations; quorum: number };

interface Checked {
  proposal: ProposalWithRelations;
  approver: User;
  /** Approvals needed now: the stored quorum, at least 2 with three or more approvers. */
  quorum: number;
}

/**
 * Every guard of a decision, re-read from the database under a row lock on the proposal so that
 * decisions on one proposal happen one after another (two approvers at once with quorum 2 both
 * count). Throws the DomainError the person is shown; changes nothing but the card's location.
 */
export async function checkDecision(db: DbTx, input: DecisionContext): Promise<Checked> {
  await db.$queryRaw`SELECT id FROM "Proposal" WHERE id = ${input.proposalId} FOR UPDATE`;
  const proposal = await loadProposal(db, input.proposalId);
  if (!proposal) throw new DomainError("proposal_unknown");
  const approver = await approverFor(db, {
    actor: input.actor,
    inGroupOf: input.inGroupOf,
    agencyId: proposal.agencyId,
    employeeId: proposal.employeeId,
    selfError: "proposal_about_self",
  });
  await assertStillPending(db, proposal, input);

  if (input.card && proposal.cardMessageId === null) {
    const place = { chatId: BigInt(input.card.chatId), messageId: input.card.messageId };
    await rememberCardPlace(db, { kind: "proposal-card", refId: proposal.id, ...place });
    proposal.cardChatId = place.chatId;
    proposal.cardMessageId = place.messageId;
  }
  return { proposal, approver, quorum: await quorumOf(db, proposal.agencyId) };
}

/**
 * What only an approval must pass: no election freeze without the Minister's approval (UU 10/2016
 * Pasal 71(2)), no objection recorded since the card was posted that the team has not looked at.
 */
async function assertMayApprove(db: DbTx, proposal: ProposalWithRelations, input: DecisionContext) {
  const today = localDate(input.now, input.timeZone).toISOString().slice(0, 10);
  const freeze = approvalFrozenOn(await getBlackouts(db), today);
  if (freeze) {
    throw new DomainError("approval_frozen", {
      reason: freeze.reason || "—",
      until: formatDate(new Date(`${freeze.to}T00:00:00Z`), "UTC"),
    });
  }
  // The team advises a move that can still happen: the person is still at the origin and serving.
  const { employee } = proposal;
  if (employee.status === "PENSIUN" || employee.status === "NONAKTIF")
    throw new DomainError(`employee_left_${employee.status}`, { name: employee.name });
  if (employee.unitId !== proposal.fromUnitId)
    throw new DomainError("employee_moved", { unit: proposal.fromUnit.name });
  if (objectionAwaitsReview(proposal)) {
    throw new DomainError("objection_needs_review", {
      reason: proposal.employee.objectionReason ?? "—",
    });
  }
}

async function assertStillPending(
  db: DbTx,
  proposal: ProposalWithRelations,
  input: { now: Date; timeZone: string },
): Promise<void> {
  switch (proposal.status) {
    case "PENDING":
      if (proposal.expiresAt <= input.now) {
        throw new DomainError("proposal_expired", { at: formatDateTime(proposal.expiresAt, input.timeZone) });
      }
      return;
    case "EXPIRED":
      throw new DomainError("proposal_expired", { at: formatDateTime(proposal.expiresAt, input.timeZone) });
    case "SUPERSEDED":
      throw new DomainError("proposal_superseded");
    case "CANCELLED":
      throw new DomainError("proposal_already_cancelled", {
        at: proposal.cancelledAt ? formatDateTime(proposal.cancelledAt, input.timeZone) : "—",
      });
    case "APPROVED":
    case "DECREED":
    case "EFFECTIVE":
    case "REJECTED": {
      const decider = proposal.decidedById
        ? await db.user.findUnique({ where: { id: proposal.decidedById } })
        : null;
      throw new DomainError(
        proposal.status === "REJECTED" ? "proposal_already_rejected" : "proposal_already_approved",
        {
          by: decider?.name ?? "—",
          at: proposal.decidedAt ? formatDateTime(proposal.decidedAt, input.timeZone) : "—",
        },
      );
    }
  }
}

/**
 * An approver's approval or rejection. Approvals count distinct approvers up to the group's quorum;
 * reaching it approves (menunggu SK) and queues the notice letter in the same transaction. The state change is
 * conditional on status and version, so of two racing decisions exactly one lands and the other
 * is told who decided and when.
 */
export async function decideProposal(db: DbTx, input: DecideInput): Promise<DecideOutcome> {
  const { proposal, approver, quorum } = await checkDecision(db, input);

  if (input.verdict === "REJECT") {
    const parsed = rejectReasonSchema.safeParse(input.reason ?? "");
    if (!parsed.success) throw new DomainError("reject_reason_invalid");
    const reason = parsed.data;
    // A member who approved earlier may still reject while the quorum is not reached: the last word counts.
    await db.decision.upsert({
      where: { proposalId_userId: { proposalId: proposal.id, userId: approver.id } },
      create: {
        proposalId: proposal.id,
        userId: approver.id,
        verdict: "REJECT",
        reason,
        createdAt: input.now,
      },
      update: { verdict: "REJECT", reason, createdAt: input.now },
    });
    await transition(db, proposal, "REJECTED", approver, input, { rejectScope: input.scope ?? "SCHOOL" });
    await writeAudit(db, {
      actorId: approver.id,
      actorName: approver.name,
      action: "proposal.reject",
      entity: "proposal",
      entityId: proposal.id,
      details: {
        reason,
        scope: input.scope ?? "SCHOOL",
        nip: proposal.employee.nip,
        from: proposal.fromUnit.code,
        to: proposal.toUnit.code,
      },
    });
    return { kind: "rejected", proposal: await reload(db, proposal.id), quorum };
  }

  await assertMayApprove(db, proposal, input);
  const mine = proposal.decisions.find((d) => d.userId === approver.id);
  const approvalsBefore = proposal.decisions.filter((d) => d.verdict === "APPROVE").length;
  if (mine) throw new DomainError("proposal_already_voted", { count: approvalsBefore, quorum });
  await db.decision.create({
    data: { proposalId: proposal.id, userId: approver.id, verdict: "APPROVE", createdAt: input.now },
  });
  const approvals = await db.decision.count({ where: { proposalId: proposal.id, verdict: "APPROVE" } });
  const final = approvals >= quorum;
  await writeAudit(db, {
    actorId: approver.id,
    actorName: approver.name,
    action: "proposal.approve",
    entity: "proposal",
    entityId: proposal.id,
    details: {
      approvals,
      quorum,
      final,
      nip: proposal.employee.nip,
      from: proposal.fromUnit.code,
      to: proposal.toUnit.code,
    },
  });
  if (!final) return { kind: "vote", proposal: await reload(db, proposal.id), approvals, quorum };

  // The team's approval is its advice to the PPK (PP 11/2017): the proposal waits for the SK, and the
  // move happens on the SK's TMT (jobs/daily-lifecycle.ts), not today. The person is told why now.
  await transition(db, proposal, "APPROVED", approver, input);
  await enqueueTransferNotice(db, {
    proposal,
    now: input.now,
    timeZone: input.timeZone,
    locale: input.locale,
  });
  return { kind: "approved", proposal: await reload(db, proposal.id), quorum };
}

async function transition(
  db: DbTx,
  proposal: ProposalWithRelations,
  status: "APPROVED" | "REJECTED",
  approver: User,
  input: { now: Date; timeZone: string },
  extra: { rejectScope?: "SCHOOL" | "PERSON" } = {},
): Promise<void> {
  const { count } = await db.proposal.updateMany({
    where: { id: proposal.id, status: "PENDING", version: proposal.version },
    data: { status, version: { increment: 1 }, decidedAt: input.now, decidedById: approver.id, ...extra },
  });
  if (count === 1) return;
  // Someone else decided between our read and our write: tell this person who and when.
  const fresh = await reload(db, proposal.id);
  await assertStillPending(db, fresh, input);
  throw new DomainError("already_handled");
}

async function reload(db: DbTx, id: number): Promise<ProposalWithRelations> {
  const proposal = await loadProposal(db, id);
  if (!proposal) throw new DomainError("proposal_unknown");
  return proposal;
}
