import { writeAudit } from "../db/audit.ts";
import type { DbTx } from "../db/client.ts";
import { certifiedUnderStandard } from "../db/read-district.ts";
import { enqueueMessage, PRIORITY } from "../delivery/outbox.ts";
import type { Clock } from "../domain/clock.ts";
import type { Prisma, RunTrigger } from "../generated/prisma/client.ts";
import { balancingAlertText } from "../messages/balancing-alert.ts";
import { translate, type Locale } from "../messages/locales/index.ts";
import { renderProposalCard } from "../messages/proposal-card.ts";
import type { BalancingPlan } from "./compute-balancing-plan.ts";
import type { ExplainedMove } from "./explain-balancing-plan.ts";

export interface PostBalancingPlanInput {
  trigger: RunTrigger;
  /** When the check started (the run's startedAt and the cards' date). */
  startedAt: Date;
  computed: BalancingPlan;
  moves: ExplainedMove[];
  /** The PNG per agency, rendered before the transaction opened. */
  charts: Map<number, Buffer>;
  expiresAt: Date;
  timeZone: string;
  locale: Locale;
}

export interface PostedPlan {
  runId: number;
  created: Array<{ id: number; move: ExplainedMove }>;
  /** Moves not stored because the person got a pending proposal meanwhile. */
  skipped: number;
  /** Alerts queued, one per agency with an active HR group and something to say. */
  alerts: number;
}

/**
 * Stores the run and its proposals and queues to each agency's HR group the imbalance alert, the
 * chart and the cards. Call it inside one transaction, so either everything is there to be sent or
 * nothing is. Never a second pending proposal for one person: the partial unique index decides.
 */
export async function postBalancingPlan(
  tx: DbTx,
  clock: Clock,
  input: PostBalancingPlanInput,
): Promise<PostedPlan> {
  const { plan } = input.computed;
  // Two checks at once (the schedule and a /cek) would race for the same people; one waits.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('seimbang:balancing-check'))`;
  const run = await tx.balancingRun.create({
    data: {
      trigger: input.trigger,
      startedAt: input.startedAt,
      finishedAt: clock.now(),
      unmetBefore: plan.metrics.unmetBefore,
      unmetAfter: plan.metrics.unmetAfter,
      moves: plan.metrics.moves,
      km: plan.metrics.km,
      optimal: plan.metrics.optimal,
      seconds: plan.metrics.seconds,
      note: plan.moves.length === 0 ? "nothing to propose" : null,
      metrics: { ...plan.metrics },
    },
  });
  const created: PostedPlan["created"] = [];
  let skipped = 0;
  for (const move of input.moves) {
    const rows = await tx.proposal.createManyAndReturn({
      data: [
        {
          runId: run.id,
          employeeId: move.employee.id,
          fromUnitId: move.fromUnit.id,
          toUnitId: move.toUnit.id,
          roleId: move.role.id,
          agencyId: move.toUnit.agencyId,
          reason: move.move.reason,
          reasonEn: move.reasonEn,
          metrics: { ...move.metrics },
          expiresAt: input.expiresAt,
        },
      ],
      // The partial unique index "Proposal_one_pending_per_employee": someone already pending is skipped.
      skipDuplicates: true,
      select: { id: true },
    });
    const row = rows[0];
    if (row) created.push({ id: row.id, move });
    else skipped += 1;
  }
  const alerts = await queueAgencyPushes(tx, { ...input, runId: run.id, created });
  await tx.balancingRun.update({
    where: { id: run.id },
    data: { metrics: { ...plan.metrics, created: created.length, skipped } },
  });
  await writeAudit(tx, {
    actorName: "system",
    action: "balancing.run",
    entity: "balancingRun",
    entityId: run.id,
    details: { trigger: input.trigger, proposals: created.map((c) => c.id), skipped },
  });
  return { runId: run.id, created, skipped, alerts };
}

/** Per agency with an active HR group: the imbalance alert, the chart, then one card per new proposal. */
async function queueAgencyPushes(
  tx: DbTx,
  input: PostBalancingPlanInput & { runId: number; created: PostedPlan["created"] },
): Promise<number> {
  const { plan, district } = input.computed;
  const groups = await tx.hrGroup.findMany({
    where: { active: true },
    include: { agency: true },
    orderBy: { agencyId: "asc" },
  });
  const unitById = new Map(district.units.map((u) => [u.code, u]));
  let alerts = 0;
  for (const group of groups) {
    const loads = plan.units.filter((u) => unitById.get(u.unit)?.agencyId === group.agencyId);
    const mine = input.created.filter((c) => c.move.toUnit.agencyId === group.agencyId);
    const unmetBefore = sum(loads.flatMap((u) => u.roles.map((r) => r.unmetBefore)));
    const unmetAfter = sum(loads.flatMap((u) => u.roles.map((r) => r.unmetAfter)));
    if (mine.length === 0 && unmetBefore <= 0) continue;
    const text = balancingAlertText(input.locale, {
      agency: group.agency.name,
      unmetBefore,
      unmetAfter,
      proposals: mine.length,
      loads,
      unitById,
      certifiedUnderStandard: certifiedUnderStandard(district).filter((c) => c.agencyId === group.agencyId)
        .length,
    });
    await enqueueMessage(tx, {
      dedupeKey: `run:${input.runId}:alert:${group.agencyId}`,
      chatId: group.chatId,
      method: "sendMessage",
      payload: { text, parse_mode: "HTML" },
      priority: PRIORITY.bulk,
      kind: "balancing-alert",
      refId: input.runId,
    });
    const chart = input.charts.get(group.agencyId);
    if (chart) {
      await enqueueMessage(tx, {
        dedupeKey: `run:${input.runId}:chart:${group.agencyId}`,
        chatId: group.chatId,
        method: "sendPhoto",
        payload: {
          photo: { base64: chart.toString("base64"), filename: `beban-${input.runId}.png` },
          caption: translate(input.locale, "check.chart.caption", { agency: group.agency.name }),
        },
        priority: PRIORITY.bulk,
        kind: "balancing-chart",
        refId: input.runId,
      });
    }
    alerts += 1;
    for (const { id, move } of mine) {
      const card = renderProposalCard(
        {
          id,
          status: "PENDING",
          reason: move.move.reason,
          reasonEn: move.reasonEn,
          metrics: move.metrics,
          expiresAt: input.expiresAt,
          createdAt: input.startedAt,
          decidedAt: null,
          decidedById: null,
          employee: { name: move.employee.name, nip: move.employee.nip },
          fromUnit: { name: move.fromUnit.name, code: move.fromUnit.code },
          toUnit: { name: move.toUnit.name, code: move.toUnit.code },
          role: { name: move.role.name },
          decisions: [],
        },
        input.locale,
        input.timeZone,
        { quorum: group.quorum },
      );
      await enqueueMessage(tx, {
        dedupeKey: `proposal:${id}:card`,
        chatId: group.chatId,
        method: "sendMessage",
        payload: {
          text: card.text,
          parse_mode: "HTML",
          reply_markup: card.reply_markup as unknown as Prisma.InputJsonValue,
        },
        priority: PRIORITY.bulk,
        kind: "proposal-card",
        refId: id,
      });
    }
  }
  return alerts;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
