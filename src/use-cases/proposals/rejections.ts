// Rejections remembered (issue 24): a rejection keeps the school, or the person, out of later checks
// for policy.rejectionCooldownMonths; the team may widen it to the person, an admin may lift it early.
import { writeAudit } from "../../db/audit.ts";
import { monthsBefore, readFlightPolicy } from "../../db/build-plan-input.ts";
import type { DbTx } from "../../db/client.ts";
import { approverFor } from "../../db/hr-approver.ts";
import type { Actor } from "../../domain/actor.ts";
import { DomainError } from "../../domain/errors.ts";
import { formatDateTime } from "../../domain/time.ts";
import type { EarlierRejection } from "../../messages/proposal-card.ts";

/** Every rejection of this person before `proposalId`, newest first, with its reason and cooldown. */
export async function earlierRejections(
  db: DbTx,
  input: { employeeId: number; proposalId: number },
): Promise<EarlierRejection[]> {
  const { rejectionCooldownMonths } = await readFlightPolicy(db);
  const rows = await db.proposal.findMany({
    where: { employeeId: input.employeeId, status: "REJECTED", id: { not: input.proposalId } },
    include: { toUnit: true, decisions: { where: { verdict: "REJECT" }, orderBy: { createdAt: "desc" } } },
    orderBy: { decidedAt: "desc" },
  });
  return rows.map((row) => {
    const at = row.decidedAt ?? row.updatedAt;
    const until = new Date(at);
    until.setUTCMonth(until.getUTCMonth() + rejectionCooldownMonths);
    return {
      id: row.id,
      at,
      school: row.toUnit.name,
      scope: row.rejectScope ?? "SCHOOL",
      reason: row.decisions[0]?.reason ?? "—",
      until: row.rejectionLiftedAt === null ? until : null,
    };
  });
}

/**
 * "Jangan usulkan orang ini": the approver who rejected, or another approver of the agency in its
 * group, widens a rejection from the school to the person. Audited; a second press changes nothing.
 */
export async function widenRejection(
  db: DbTx,
  input: { proposalId: number; actor: Actor; inGroupOf?: number | null | undefined; now: Date },
) {
  await db.$queryRaw`SELECT id FROM "Proposal" WHERE id = ${input.proposalId} FOR UPDATE`;
  const proposal = await db.proposal.findUnique({
    where: { id: input.proposalId },
    include: { employee: true, toUnit: true },
  });
  if (!proposal) throw new DomainError("proposal_unknown");
  const approver = await approverFor(db, {
    actor: input.actor,
    inGroupOf: input.inGroupOf,
    agencyId: proposal.agencyId,
    employeeId: proposal.employeeId,
    selfError: "proposal_about_self",
  });
  if (proposal.status !== "REJECTED") throw new DomainError("rejection_not_rejected");
  if (proposal.rejectScope === "PERSON") return { proposal, changed: false };
  const updated = await db.proposal.update({
    where: { id: proposal.id },
    data: { rejectScope: "PERSON" },
    include: { employee: true, toUnit: true },
  });
  await writeAudit(db, {
    actorId: approver.id,
    actorName: approver.name,
    action: "proposal.reject_person",
    entity: "proposal",
    entityId: proposal.id,
    details: { nip: proposal.employee.nip, before: proposal.rejectScope ?? "SCHOOL", after: "PERSON" },
  });
  return { proposal: updated, changed: true };
}

/**
 * An admin lifts a rejection's cooldown early (chat or CLI): the next check may propose the person
 * (for that school) again. Refused for a proposal that is not a rejection, one already lifted, or one
 * whose cooldown has run out by itself. Audited with the admin's reason.
 */
export async function liftRejection(
  db: DbTx,
  input: { proposalId: number; actor: { id: number | null; name: string }; now: Date; timeZone: string },
) {
  await db.$queryRaw`SELECT id FROM "Proposal" WHERE id = ${input.proposalId} FOR UPDATE`;
  const proposal = await db.proposal.findUnique({
    where: { id: input.proposalId },
    include: { employee: true, toUnit: true },
  });
  if (!proposal) throw new DomainError("proposal_unknown");
  if (proposal.status !== "REJECTED") throw new DomainError("rejection_not_rejected");
  if (proposal.rejectionLiftedAt !== null)
    throw new DomainError("rejection_already_lifted", {
      at: formatDateTime(proposal.rejectionLiftedAt, input.timeZone),
    });
  const { rejectionCooldownMonths } = await readFlightPolicy(db);
  if ((proposal.decidedAt ?? proposal.updatedAt) < monthsBefore(input.now, rejectionCooldownMonths))
    throw new DomainError("rejection_already_over");
  const lifted = await db.proposal.update({
    where: { id: proposal.id },
    data: { rejectionLiftedAt: input.now, rejectionLiftedById: input.actor.id },
    include: { employee: true, toUnit: true },
  });
  await writeAudit(db, {
    actorId: input.actor.id,
    actorName: input.actor.name,
    action: "proposal.rejection_lift",
    entity: "proposal",
    entityId: proposal.id,
    details: {
      nip: proposal.employee.nip,
      scope: proposal.rejectScope ?? "SCHOOL",
      to: proposal.toUnit.code,
    },
  });
  return lifted;
}
