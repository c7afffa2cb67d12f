import { isPrivateSchool } from "../../domain/redistribution.ts";
import { writeAudit } from "../../db/audit.ts";
import { chunks } from "../../db/chunks.ts";
import type { DbTx } from "../../db/client.ts";
import type { Clock } from "../../domain/clock.ts";
import type { ExplainedMove } from "./explain-balancing-plan.ts";
import { queueCheckPushes } from "./queue-check-pushes.ts";
import { proposalWithRelations } from "../../db/proposal-query.ts";
import { changeProposal } from "../proposals/index.ts";
import { translate } from "../../messages/locales/index.ts";
import type { KeptProposal, PostBalancingPlanInput } from "./check-types.ts";

export type { KeptProposal, PostBalancingPlanInput } from "./check-types.ts";

export interface PostedPlan {
  runId: number;
  created: Array<{ id: number; move: ExplainedMove }>;
  /** Pending proposals of earlier checks the plan keeps. */
  kept: number;
  /** Pending proposals of earlier checks the plan drops: withdrawn, with why. */
  withdrawn: number;
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
  // The plan in flight (issue 24): pending proposals the plan keeps stay as they are (number, votes,
  // place in their digest) with their lapse moved on; those it drops are withdrawn first, so that their
  // person may get a new proposal; only what is new is created.
  const { kept, withdrawn } = await reconcilePending(tx, input);
  const fresh = input.moves.filter((m) => !kept.has(flightKey(m)));
  // A province's first check proposes thousands: inserted a thousand at a time (a row has 12 parameters,
  // a statement takes 32,766). The partial unique index "Proposal_one_open_per_employee" skips someone
  // already in flight; a plan moves a person once, so what came back is matched by person.
  const ids = new Map<number, number>();
  for (const batch of chunks(fresh, 1_000)) {
    const rows = await tx.proposal.createManyAndReturn({
      data: batch.map((move) => ({
        runId: run.id,
        employeeId: move.employee.id,
        fromUnitId: move.fromUnit.id,
        toUnitId: move.toUnit.id,
        roleId: move.role.id,
        agencyId: move.toUnit.agencyId,
        // Into a private school: a redistribution (Permendikdasmen 1/2025), said everywhere it shows.
        redistribution: isPrivateSchool(move.toUnit),
        reason: move.move.reason,
        reasonEn: move.reasonEn,
        metrics: { ...move.metrics },
        expiresAt: input.expiresAt,
        // The check's own time (the injected clock), not the database's: Rincian shows it.
        createdAt: input.startedAt,
      })),
      skipDuplicates: true,
      select: { id: true, employeeId: true },
    });
    for (const row of rows) ids.set(row.employeeId, row.id);
  }
  const created: PostedPlan["created"] = fresh.flatMap((move) => {
    const id = ids.get(move.employee.id);
    return id === undefined ? [] : [{ id, move }];
  });
  const skipped = fresh.length - created.length;
  const pushes = await queueCheckPushes(tx, {
    ...input,
    runId: run.id,
    created,
    kept: [...kept.values()],
    withdrawn,
  });
  // The why-not travels with the run, so /status for HR can show it until the next check.
  const metrics = {
    ...plan.metrics,
    created: created.length,
    kept: kept.size,
    withdrawn: withdrawn.map((w) => w.id),
    skipped,
    waiting: pushes.waiting,
    shortfalls: plan.shortfalls ?? [],
    maxDistanceKm: input.computed.input.policy.maxDistanceKm ?? null,
  };
  // As one JSON text: a province's 6,082 why-nots are 3.2 MB, which Prisma took 2.0 s to write as an
  // object, inside the check's transaction; as text 0.26 s.
  await tx.$executeRaw`UPDATE "BalancingRun" SET "metrics" = ${JSON.stringify(metrics)}::jsonb WHERE "id" = ${run.id}`;
  await writeAudit(tx, {
    actorName: "system",
    action: "balancing.run",
    entity: "balancingRun",
    entityId: run.id,
    details: {
      trigger: input.trigger,
      proposals: created.map((c) => c.id),
      kept: [...kept.values()].map((k) => k.id),
      withdrawn: withdrawn.map((w) => w.id),
      skipped,
      waitingForGroup: pushes.waiting,
    },
  });
  return { runId: run.id, created, kept: kept.size, withdrawn: withdrawn.length, skipped, ...pushes };
}

/** A move or a proposal as the plan in flight names it: person, destination, role filled there. */
function flightKey(move: { employee: { id: number }; toUnit: { id: number }; role: { id: number } }): string {
  return `${move.employee.id}|${move.toUnit.id}|${move.role.id}`;
}

/**
 * Pending proposals against the new plan: the kept ones (by person, destination and role) get a new
 * lapse date; the others are withdrawn (SUPERSEDED) with the engine's reason in the check's language,
 * their card or digest line edited through the outbox and the withdrawal audited.
 */
async function reconcilePending(tx: DbTx, input: PostBalancingPlanInput) {
  const { plan } = input.computed;
  const pending = await tx.proposal.findMany({
    where: { status: "PENDING" },
    include: proposalWithRelations,
    orderBy: { id: "asc" },
  });
  const planned = new Set(input.moves.map(flightKey));
  const employees = new Map(input.computed.input.employees.map((e) => [e.id, e]));
  const kept = new Map<string, KeptProposal>();
  const withdrawn: Array<{ id: number; agencyId: number }> = [];
  for (const proposal of pending) {
    const key = flightKey({ employee: proposal.employee, toUnit: proposal.toUnit, role: proposal.role });
    if (planned.has(key)) {
      kept.set(key, { id: proposal.id, runId: proposal.runId, agencyId: proposal.agencyId });
      continue;
    }
    // A person no longer on the active staff (retired, inactive) is not in the plan at all.
    const row = employees.get(proposal.employee.nip);
    const why =
      plan.dropped?.find((d) => d.employee === proposal.employee.nip && d.to === proposal.toUnit.code)?.why ??
      (row === undefined ? "ineligible" : "replaced");
    const reason = translate(input.locale, `withdrawn.${why}`, {
      to: proposal.toUnit.name,
      name: proposal.employee.name,
      because: translate(input.locale, `why.ineligible.${row?.why ?? "inactive"}`),
    });
    const fresh = await changeProposal(
      tx,
      proposal,
      { status: "SUPERSEDED", decidedAt: input.startedAt, cancelReason: reason },
      { locale: input.locale, timeZone: input.timeZone },
    );
    if (!fresh) continue;
    withdrawn.push({ id: proposal.id, agencyId: proposal.agencyId });
    await writeAudit(tx, {
      actorName: "system",
      action: "proposal.withdraw",
      entity: "proposal",
      entityId: proposal.id,
      details: { why, reason },
    });
  }
  if (kept.size > 0)
    await tx.proposal.updateMany({
      where: { id: { in: [...kept.values()].map((k) => k.id) }, status: "PENDING" },
      data: { expiresAt: input.expiresAt },
    });
  return { kept, withdrawn };
}
