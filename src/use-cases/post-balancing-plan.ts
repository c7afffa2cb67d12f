import { writeAudit } from "../db/audit.ts";
import type { DbTx } from "../db/client.ts";
import type { Clock } from "../domain/clock.ts";
import type { RunTrigger } from "../generated/prisma/client.ts";
import type { Locale } from "../messages/locales/index.ts";
import type { AdminConfig } from "./admin-recipients.ts";
import type { BalancingPlan } from "./compute-balancing-plan.ts";
import type { ExplainedMove } from "./explain-balancing-plan.ts";
import { queueCheckPushes } from "./queue-check-pushes.ts";

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
  /** Who hears of proposals for an agency with no HR group; without it, the active ADMIN users. */
  admins?: AdminConfig | undefined;
}

export interface PostedPlan {
  runId: number;
  created: Array<{ id: number; move: ExplainedMove }>;
  /** Moves not stored because the person got a pending proposal meanwhile. */
  skipped: number;
  /** Alerts queued, one per agency with an active HR group and something to say. */
  alerts: number;
  /** Proposals queued to their HR group in its digest. */
  sent: number;
  /** Proposals of an agency with no active HR group: reported to the admins, counted apart. */
  waiting: number;
}

/**
 * Stores the run and its proposals and queues to each agency's HR group the imbalance alert, the
 * chart and one digest of its proposals (queue-check-pushes.ts). Call it inside one transaction, so either everything is there to be sent or
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
      // The partial unique index "Proposal_one_open_per_employee": someone already in flight is skipped.
      skipDuplicates: true,
      select: { id: true },
    });
    const row = rows[0];
    if (row) created.push({ id: row.id, move });
    else skipped += 1;
  }
  const pushes = await queueCheckPushes(tx, { ...input, runId: run.id, created });
  // The why-not travels with the run, so /status for HR can show it until the next check.
  const shortfalls = (plan.shortfalls ?? []).map((s) => ({ ...s }));
  await tx.balancingRun.update({
    where: { id: run.id },
    data: {
      metrics: {
        ...plan.metrics,
        created: created.length,
        skipped,
        waiting: pushes.waiting,
        shortfalls,
        maxDistanceKm: input.computed.input.policy.maxDistanceKm ?? null,
      },
    },
  });
  await writeAudit(tx, {
    actorName: "system",
    action: "balancing.run",
    entity: "balancingRun",
    entityId: run.id,
    details: {
      trigger: input.trigger,
      proposals: created.map((c) => c.id),
      skipped,
      waitingForGroup: pushes.waiting,
    },
  });
  return { runId: run.id, created, skipped, ...pushes };
}
