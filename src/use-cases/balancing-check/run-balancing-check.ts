import { writeAudit } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import { certifiedUnderStandard, type CertifiedUnderStandard } from "../../db/read-district.ts";
import type { Blackout } from "../../domain/blackout.ts";
import type { Plan } from "../../domain/balance/index.ts";
import type { Clock } from "../../domain/clock.ts";
import { noHours, roleHoursKind, unmetOfLoads, type Hours } from "../../domain/hours.ts";
import type { Prisma, RunTrigger } from "../../generated/prisma/client.ts";
import type { Logger } from "../../logger.ts";
import type { Locale } from "../../messages/locales/index.ts";
import type { AdminConfig } from "../outbox-policy/index.ts";
import { renderAgencyCharts } from "../../charts/agency-charts.ts";
import { activeBlackout, computeBalancingPlan } from "./compute-balancing-plan.ts";
import { explainBalancingPlan, type ExplainedMove } from "./explain-balancing-plan.ts";
import { proposalExpiresAt } from "../proposals/index.ts";
import { postBalancingPlan } from "./post-balancing-plan.ts";
import { queueFullLoadNotices } from "../notices/index.ts";
import type { PlanMemo } from "../../engine/plan-memo.ts";

export interface BalancingCheckOptions {
  trigger: RunTrigger;
  /** Store the run and the proposals and queue the alert and cards; false only computes the plan. */
  post: boolean;
  /** Zone of "today" for the freeze and of the dates shown. */
  timeZone: string;
  /** Language of the alert, chart and cards in the HR groups. */
  locale: Locale;
  logger?: Logger;
  /** Who hears of proposals for an agency with no HR group (the configured admin ids and locale). */
  admins?: AdminConfig | undefined;
  /**
   * Opens the transaction that stores everything; the bot passes ctx.transact so the update that
   * asked for the check is recorded with its effects. Defaults to db.$transaction.
   */
  transact?: <T>(work: (tx: Prisma.TransactionClient) => Promise<T>) => Promise<T>;
  /** The process's plans remembered (engine/plan-memo.ts): an unchanged district is not planned twice. */
  plans?: PlanMemo | undefined;
}

export interface CheckedProposal {
  id: number | null;
  employee: string;
  nip: string;
  from: string;
  to: string;
  role: string;
  reason: string;
}

export interface BalancingCheckResult {
  runId: number | null;
  /** The freeze in force today: nothing was proposed. */
  blackout: Blackout | null;
  plan: Plan | null;
  unmetBefore: number;
  unmetAfter: number;
  /** The same, JP and jam apart (issue 25): a figure adds only hours of one kind. */
  unmetHours: { before: Hours; after: Hours };
  /** Proposals created (post) or that would be created (dry run). */
  proposals: CheckedProposal[];
  /** Moves not stored because the person got a pending proposal meanwhile. */
  skipped: number;
  /** Pending proposals of earlier checks the plan keeps, and those it withdrew (post only). */
  kept: number;
  withdrawn: number;
  /** Alerts queued, one per agency with an active HR group and something to say. */
  alerts: number;
  /** Certified teachers under the standard JP (the professional allowance needs 24 JP); empty in a freeze. */
  certifiedUnderStandard: CertifiedUnderStandard[];
  /** Proposals sent to their HR group (in its digest). */
  sent: number;
  /** Proposals of agencies with no HR group: reported to the admins, waiting for a group. */
  waiting: number;
  /** Private notices queued to joined certified teachers under the standard JP (at most one a month each). */
  fullLoadNotices: number;
}

/**
 * The weekly balancing check: compute the plan, explain each move, and (with `post`) store the run
 * and its proposals and queue the pushes in one transaction. During an election freeze only the
 * run is recorded.
 */
export async function runBalancingCheck(
  db: Db,
  clock: Clock,
  options: BalancingCheckOptions,
): Promise<BalancingCheckResult> {
  const now = clock.now();
  const { timeZone, locale } = options;
  const transact =
    options.transact ??
    (<T>(work: (tx: Prisma.TransactionClient) => Promise<T>) => db.$transaction(work, { timeout: 60_000 }));

  const blackout = await activeBlackout(db, clock, timeZone);
  if (blackout && options.post) {
    const runId = await transact((tx) => recordBlackoutRun(tx, { trigger: options.trigger, now, blackout }));
    return {
      runId,
      blackout,
      plan: null,
      unmetBefore: 0,
      unmetAfter: 0,
      unmetHours: { before: noHours(), after: noHours() },
      proposals: [],
      skipped: 0,
      kept: 0,
      withdrawn: 0,
      alerts: 0,
      certifiedUnderStandard: [],
      sent: 0,
      waiting: 0,
      fullLoadNotices: 0,
    };
  }

  const computed = await computeBalancingPlan(db, clock, { timeZone, plans: options.plans });
  const { plan, district } = computed;
  const moves = explainBalancingPlan(computed);
  const preview = moves.map(checkedProposal);
  const kinds = new Map(district.roles.map((r) => [r.code, roleHoursKind(r)]));
  const kindOf = (role: string) => kinds.get(role) ?? "jam";
  const base = {
    blackout,
    plan,
    unmetBefore: plan.metrics.unmetBefore,
    unmetAfter: plan.metrics.unmetAfter,
    unmetHours: {
      before: unmetOfLoads(plan.units, kindOf, "unmetBefore"),
      after: unmetOfLoads(plan.units, kindOf, "unmetAfter"),
    },
    certifiedUnderStandard: certifiedUnderStandard(district),
  };
  if (!options.post)
    return {
      ...base,
      runId: null,
      proposals: preview,
      skipped: 0,
      kept: plan.metrics.inFlight?.pendingKept ?? 0,
      withdrawn: plan.metrics.inFlight?.pendingDropped ?? 0,
      alerts: 0,
      sent: 0,
      waiting: 0,
      fullLoadNotices: 0,
    };

  const expiresAt = await proposalExpiresAt(db, now);
  // Rendering takes a moment: done before the transaction opens, which then only queues the PNGs.
  const groups = await db.hrGroup.findMany({ where: { active: true }, include: { agency: true } });
  const charts = await renderAgencyCharts({
    agencies: groups.map((g) => ({ id: g.agencyId, name: g.agency.name })),
    plan,
    units: district.units,
    locale,
    now,
    timeZone,
  });
  const posted = await transact(async (tx) => {
    const stored = await postBalancingPlan(tx, clock, {
      trigger: options.trigger,
      startedAt: now,
      computed,
      moves,
      charts,
      expiresAt,
      timeZone,
      locale,
      admins: options.admins,
    });
    // Every check that posts (/cek, the weekly job, cli check --post) tells the teachers it concerns.
    const fullLoadNotices = await queueFullLoadNotices(tx, { district, plan, locale });
    return { ...stored, fullLoadNotices };
  });
  options.logger?.info(
    { runId: posted.runId, proposals: posted.created.length, skipped: posted.skipped },
    "balancing check stored",
  );
  const proposals = posted.created.map(({ id, move }) => ({ ...checkedProposal(move), id }));
  return {
    ...base,
    runId: posted.runId,
    proposals,
    skipped: posted.skipped,
    kept: posted.kept,
    withdrawn: posted.withdrawn,
    alerts: posted.alerts,
    sent: posted.sent,
    waiting: posted.waiting,
    fullLoadNotices: posted.fullLoadNotices,
  };
}

function checkedProposal(m: ExplainedMove): CheckedProposal {
  return {
    id: null,
    employee: m.employee.name,
    nip: m.employee.nip,
    from: m.fromUnit.code,
    to: m.toUnit.code,
    role: m.role.code,
    reason: m.move.reason,
  };
}

async function recordBlackoutRun(
  tx: Prisma.TransactionClient,
  input: { trigger: RunTrigger; now: Date; blackout: Blackout },
): Promise<number> {
  const { blackout, now } = input;
  const run = await tx.balancingRun.create({
    data: {
      trigger: input.trigger,
      startedAt: now,
      finishedAt: now,
      note: `blackout ${blackout.from}..${blackout.to}: ${blackout.reason}`,
    },
  });
  await writeAudit(tx, {
    actorName: "system",
    action: "balancing.blackout",
    entity: "balancingRun",
    entityId: run.id,
    details: blackout,
  });
  return run.id;
}
