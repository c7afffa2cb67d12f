import { z } from "zod";
import { formatNumber, Html, translate, type Locale, type TextKey } from "../messages/locales/index.ts";
import type { ProposalMetrics } from "../domain/proposal-metrics.ts";
import { renderProposalCard } from "../messages/proposal-card.ts";
import type { Db, DbTx } from "../db/client.ts";
import { enqueueMessage, PRIORITY } from "../delivery/outbox.ts";
import { planTransfers, type Plan, type PlanMove, type UnitLoad } from "../domain/balance/index.ts";
import { reasonWriter } from "../domain/balance/reasons.ts";
import type { Clock } from "../domain/clock.ts";
import { DomainError } from "../domain/errors.ts";
import { greatCircleKm } from "../domain/geo.ts";
import { formatDate, localDate } from "../domain/time.ts";
import { renderLoadChart } from "../charts/load-chart.ts";
import type { Prisma, RunTrigger } from "../generated/prisma/client.ts";
import type { Logger } from "../logger.ts";
import { writeAudit } from "../db/audit.ts";
import { buildPlanInput } from "../db/build-plan-input.ts";
import { proposalExpiresAt } from "./expire-proposals.ts";
import type { District } from "../db/read-district.ts";
import { getSetting } from "../db/settings.ts";

export const BLACKOUTS_SETTING = "policy.blackouts";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const blackoutsSchema = z.array(z.object({ from: day, to: day, reason: z.string().default("") }));
export type Blackout = z.infer<typeof blackoutsSchema>[number];

export interface BalancingCheckDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  config: { SCHEDULE_TIMEZONE: string; DEFAULT_LOCALE: Locale };
}

export interface BalancingCheckOptions {
  trigger: RunTrigger;
  /** Store the run and the proposals and queue the alert and cards; false only computes the plan. */
  post: boolean;
  /**
   * Opens the transaction that stores everything; the bot passes ctx.transact so the update that
   * asked for the check is recorded with its effects. Defaults to db.$transaction.
   */
  transact?: <T>(work: (tx: Prisma.TransactionClient) => Promise<T>) => Promise<T>;
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
  /** Proposals created (post) or that would be created (dry run). */
  proposals: CheckedProposal[];
  /** Moves not stored because the person got a pending proposal meanwhile. */
  skipped: number;
  /** Alerts queued, one per agency with an active HR group and something to say. */
  alerts: number;
}

/** The election freeze (UU 10/2016 Pasal 71(2)) covering today's date in the schedule's zone, if any. */
export async function activeBlackout(db: DbTx, now: Date, timeZone: string): Promise<Blackout | null> {
  const parsed = blackoutsSchema.safeParse((await getSetting<unknown>(db, BLACKOUTS_SETTING)) ?? []);
  if (!parsed.success) return null;
  const today = localDate(now, timeZone).toISOString().slice(0, 10);
  return parsed.data.find((b) => b.from <= today && today <= b.to) ?? null;
}

/**
 * The weekly balancing check: reads the district, runs the engine, stores the run and its
 * proposals, and queues to each agency's HR group one imbalance alert followed by the cards — all in
 * one transaction, so either everything is there to be sent or nothing is. Never a second pending
 * proposal for one person: the partial unique index decides, conflicts are skipped.
 */
export async function runBalancingCheck(
  deps: BalancingCheckDeps,
  options: BalancingCheckOptions,
): Promise<BalancingCheckResult> {
  const { db, clock, config } = deps;
  const now = clock.now();
  const timeZone = config.SCHEDULE_TIMEZONE;
  const transact =
    options.transact ??
    (<T>(work: (tx: Prisma.TransactionClient) => Promise<T>) => db.$transaction(work, { timeout: 60_000 }));

  const blackout = await activeBlackout(db, now, timeZone);
  if (blackout && options.post) {
    const run = await transact(async (tx) => {
      const created = await tx.balancingRun.create({
        data: {
          trigger: options.trigger,
          startedAt: now,
          finishedAt: now,
          note: `blackout ${blackout.from}..${blackout.to}: ${blackout.reason}`,
        },
      });
      await writeAudit(tx, {
        actorName: "system",
        action: "balancing.blackout",
        entity: "balancingRun",
        entityId: created.id,
        details: blackout,
      });
      return created;
    });
    return {
      runId: run.id,
      blackout,
      plan: null,
      unmetBefore: 0,
      unmetAfter: 0,
      proposals: [],
      skipped: 0,
      alerts: 0,
    };
  }

  const { input, district } = await buildPlanInput(db, { now, timeZone });
  // HiGHS runs on the event loop: bound it so a large district cannot stall the bot for a minute.
  // Salor (about 400 people) is proved optimal in a fraction of a second; see BENCHMARKS.md.
  const plan = await planTransfers(input, { locale: "id", timeLimitSeconds: CHECK_TIME_LIMIT_SECONDS });
  const facts = describeMoves(plan, district, input.units);
  const preview: CheckedProposal[] = facts.map((f) => ({
    id: null,
    employee: f.employee.name,
    nip: f.employee.nip,
    from: f.fromUnit.code,
    to: f.toUnit.code,
    role: f.role.code,
    reason: f.move.reason,
  }));
  const base = { blackout, plan, unmetBefore: plan.metrics.unmetBefore, unmetAfter: plan.metrics.unmetAfter };
  if (!options.post) return { ...base, runId: null, proposals: preview, skipped: 0, alerts: 0 };

  const expiresAt = await proposalExpiresAt(db, now);
  // Rendering takes a moment: done before the transaction opens, which then only queues the PNGs.
  const charts = await renderAgencyCharts(db, {
    plan,
    district,
    locale: config.DEFAULT_LOCALE,
    now,
    timeZone,
  });
  const stored = await transact(async (tx) => {
    // Two checks at once (the schedule and a /cek) would race for the same people; one waits.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('seimbang:balancing-check'))`;
    const run = await tx.balancingRun.create({
      data: {
        trigger: options.trigger,
        startedAt: now,
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
    const created: Array<{ id: number; fact: MoveFacts }> = [];
    let skipped = 0;
    for (const fact of facts) {
      const rows = await tx.proposal.createManyAndReturn({
        data: [
          {
            runId: run.id,
            employeeId: fact.employee.id,
            fromUnitId: fact.fromUnit.id,
            toUnitId: fact.toUnit.id,
            roleId: fact.role.id,
            agencyId: fact.toUnit.agencyId,
            reason: fact.move.reason,
            reasonEn: fact.reasonEn,
            metrics: { ...fact.metrics },
            expiresAt,
          },
        ],
        // The partial unique index "Proposal_one_pending_per_employee": someone already pending is skipped.
        skipDuplicates: true,
        select: { id: true },
      });
      const row = rows[0];
      if (row) created.push({ id: row.id, fact });
      else skipped += 1;
    }
    const alerts = await queueAgencyPushes(tx, {
      charts,
      runId: run.id,
      plan,
      district,
      created,
      expiresAt,
      now,
      timeZone,
      locale: config.DEFAULT_LOCALE,
    });
    await tx.balancingRun.update({
      where: { id: run.id },
      data: { metrics: { ...plan.metrics, created: created.length, skipped } },
    });
    await writeAudit(tx, {
      actorName: "system",
      action: "balancing.run",
      entity: "balancingRun",
      entityId: run.id,
      details: { trigger: options.trigger, proposals: created.map((c) => c.id), skipped },
    });
    return { runId: run.id, created, skipped, alerts };
  });
  deps.logger.info(
    { runId: stored.runId, proposals: stored.created.length, skipped: stored.skipped },
    "balancing check stored",
  );
  const proposals = stored.created.map(({ id, fact }) => ({ ...preview[facts.indexOf(fact)]!, id }));
  return { ...base, runId: stored.runId, proposals, skipped: stored.skipped, alerts: stored.alerts };
}

interface MoveFacts {
  move: PlanMove;
  employee: District["employees"][number];
  fromUnit: District["units"][number];
  toUnit: District["units"][number];
  role: District["roles"][number];
  reasonEn: string;
  metrics: ProposalMetrics;
}

/** Resolves the engine's codes back to rows and works out what the card shows for each move. */
function describeMoves(
  plan: Plan,
  district: District,
  planUnits: Array<{ id: string; lat?: number | null; lon?: number | null }>,
): MoveFacts[] {
  const unitByCode = new Map(district.units.map((u) => [u.code, u]));
  const roleByCode = new Map(district.roles.map((r) => [r.code, r]));
  const roleById = new Map(district.roles.map((r) => [r.id, r]));
  const employeeByNip = new Map(district.employees.map((e) => [e.nip, e]));
  const loadByUnit = new Map(plan.units.map((u) => [u.unit, u]));
  const coords = new Map(planUnits.map((u) => [u.id, u]));
  const english = reasonWriter("en");
  // Unmet hours each destination still has, handed out to the moves into it in plan order.
  const remaining = new Map<string, number>();
  const facts: MoveFacts[] = [];
  for (const move of plan.moves) {
    const employee = employeeByNip.get(move.employee);
    const fromUnit = unitByCode.get(move.from);
    const toUnit = unitByCode.get(move.to);
    const role = roleByCode.get(move.role);
    if (!employee || !fromUnit || !toUnit || !role) continue;
    const fromRole = roleById.get(employee.roleId)?.code ?? move.role;
    const fromLoad = roleLoadOf(loadByUnit.get(move.from), fromRole);
    const toLoad = roleLoadOf(loadByUnit.get(move.to), move.role);
    const key = `${move.to}:${move.role}`;
    const left = remaining.get(key) ?? toLoad?.unmetBefore ?? 0;
    const filled = Math.min(employee.weeklyHours, left);
    remaining.set(key, left - filled);
    facts.push({
      move,
      employee,
      fromUnit,
      toUnit,
      role,
      reasonEn: english({
        role: role.name,
        from: { name: fromUnit.name, load: loadByUnit.get(move.from) },
        to: { name: toUnit.name, load: loadByUnit.get(move.to) },
        shortageBefore: toLoad ? toLoad.demand - toLoad.capacityBefore : 0,
      }),
      metrics: {
        fromLoadBefore: ratio(fromLoad?.ratioBefore),
        fromLoadAfter: ratio(fromLoad?.ratioAfter),
        toLoadBefore: ratio(toLoad?.ratioBefore),
        toLoadAfter: ratio(toLoad?.ratioAfter),
        distanceKm: Math.round(greatCircleKm(coords.get(move.from), coords.get(move.to)) * 10) / 10,
        monthsInPost: Math.max(0, employee.eligibility.monthsInPost),
        unmetFilledHours: Math.max(0, filled),
        fromRole: roleById.get(employee.roleId)?.name,
        toRole: role.name,
      },
    });
  }
  return facts;
}

function roleLoadOf(unit: UnitLoad | undefined, role: string) {
  return unit?.roles.find((r) => r.role === role);
}

/** The card wants a finite ratio or null ("no capacity"). */
function ratio(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value)
    ? null
    : Math.round(value * 1000) / 1000;
}

const ALERT_UNITS = 3;
const CHECK_TIME_LIMIT_SECONDS = 20;

/** Per agency with an active HR group: the imbalance alert, then one card per new proposal. */
async function queueAgencyPushes(
  tx: DbTx,
  input: {
    charts: Map<number, Buffer>;
    runId: number;
    plan: Plan;
    district: District;
    created: Array<{ id: number; fact: MoveFacts }>;
    expiresAt: Date;
    now: Date;
    timeZone: string;
    locale: Locale;
  },
): Promise<number> {
  const groups = await tx.hrGroup.findMany({
    where: { active: true },
    include: { agency: true },
    orderBy: { agencyId: "asc" },
  });
  const unitById = new Map(input.district.units.map((u) => [u.code, u]));
  let alerts = 0;
  for (const group of groups) {
    const loads = input.plan.units.filter((u) => unitById.get(u.unit)?.agencyId === group.agencyId);
    const mine = input.created.filter((c) => c.fact.toUnit.agencyId === group.agencyId);
    const unmetBefore = sum(loads.flatMap((u) => u.roles.map((r) => r.unmetBefore)));
    const unmetAfter = sum(loads.flatMap((u) => u.roles.map((r) => r.unmetAfter)));
    if (mine.length === 0 && unmetBefore <= 0) continue;
    const text = alertText(input.locale, {
      agency: group.agency.name,
      unmetBefore,
      unmetAfter,
      proposals: mine.length,
      loads,
      unitById,
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
    for (const { id, fact } of mine) {
      const card = renderProposalCard(
        {
          id,
          status: "PENDING",
          reason: fact.move.reason,
          reasonEn: fact.reasonEn,
          metrics: fact.metrics,
          expiresAt: input.expiresAt,
          createdAt: input.now,
          decidedAt: null,
          decidedById: null,
          employee: { name: fact.employee.name, nip: fact.employee.nip },
          fromUnit: { name: fact.fromUnit.name, code: fact.fromUnit.code },
          toUnit: { name: fact.toUnit.name, code: fact.toUnit.code },
          role: { name: fact.role.name },
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

function alertText(
  locale: Locale,
  input: {
    agency: string;
    unmetBefore: number;
    unmetAfter: number;
    proposals: number;
    loads: UnitLoad[];
    unitById: Map<string, { name: string }>;
  },
): string {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate(locale, key, params);
  const loadText = (value: number | null) =>
    value === null ? "∞" : `${formatNumber(locale, Math.round(value * 100), 0)}%`;
  const line = (u: UnitLoad) =>
    t("check.alert.unit", {
      unit: input.unitById.get(u.unit)?.name ?? u.unit,
      load: new Html(loadText(u.ratioBefore)),
    });
  const withDemand = input.loads.filter((u) => u.demand > 0 || u.capacityBefore > 0);
  const overloaded = withDemand
    .filter((u) => u.ratioBefore === null || u.ratioBefore > 1)
    .sort((a, b) => (b.ratioBefore ?? Infinity) - (a.ratioBefore ?? Infinity))
    .slice(0, ALERT_UNITS);
  const underloaded = withDemand
    .filter((u) => u.ratioBefore !== null && u.ratioBefore < 1)
    .sort((a, b) => (a.ratioBefore ?? 0) - (b.ratioBefore ?? 0))
    .slice(0, ALERT_UNITS);
  return [
    t("check.alert.title", { agency: input.agency }),
    t("check.alert.unmet", { before: input.unmetBefore, after: input.unmetAfter }),
    "",
    t("check.alert.overloaded"),
    ...(overloaded.length ? overloaded.map(line) : [t("check.alert.none")]),
    t("check.alert.underloaded"),
    ...(underloaded.length ? underloaded.map(line) : [t("check.alert.none")]),
    "",
    input.proposals > 0
      ? t("check.alert.proposals", { count: input.proposals })
      : t("check.alert.no_proposals"),
  ].join("\n");
}

/**
 * Who may run a check from a group: the transfer team of the agency linked to that group, or an
 * admin. Returns the group's agency id.
 */
export async function assertMayRunCheck(
  db: DbTx,
  input: {
    chatId: number | bigint;
    user: { role: string; agencyId: number | null } | null;
    isAdmin: boolean;
  },
): Promise<number> {
  const group = await db.hrGroup.findUnique({ where: { chatId: BigInt(input.chatId) } });
  if (!group) throw new DomainError("check_group_unlinked");
  const approver = input.user?.role === "HR_APPROVER" && input.user.agencyId === group.agencyId;
  if (!approver && !input.isAdmin) throw new DomainError("check_not_allowed");
  return group.agencyId;
}

/** Units with the most to gain on the chart; a district's 300 units would not fit a phone screen. */
const CHART_UNITS = 20;

/** One PNG per agency with an active HR group: load per unit before → after the proposals. */
async function renderAgencyCharts(
  db: DbTx,
  input: { plan: Plan; district: District; locale: Locale; now: Date; timeZone: string },
): Promise<Map<number, Buffer>> {
  const groups = await db.hrGroup.findMany({ where: { active: true }, include: { agency: true } });
  const unitByCode = new Map(input.district.units.map((u) => [u.code, u]));
  const charts = new Map<number, Buffer>();
  const t = (key: TextKey, params?: Record<string, string | number>) => translate(input.locale, key, params);
  for (const group of groups) {
    const units = input.plan.units
      .filter((u) => unitByCode.get(u.unit)?.agencyId === group.agencyId)
      .map((u) => ({
        name: unitByCode.get(u.unit)?.name ?? u.unit,
        before: u.ratioBefore ?? Number.POSITIVE_INFINITY,
        after: u.ratioAfter ?? Number.POSITIVE_INFINITY,
      }))
      .sort((a, b) => distanceFromBalance(b.before) - distanceFromBalance(a.before))
      .slice(0, CHART_UNITS);
    if (units.length === 0 || units.every((u) => u.before === u.after)) continue;
    charts.set(
      group.agencyId,
      await renderLoadChart({
        title: t("check.chart.title", { agency: group.agency.name }),
        subtitle: t("check.chart.subtitle", { date: formatDate(input.now, input.timeZone) }),
        labels: {
          before: t("check.chart.before"),
          after: t("check.chart.after"),
          axis: t("check.chart.axis"),
        },
        units,
        formatRatio: (ratio) => formatNumber(input.locale, ratio),
      }),
    );
  }
  return charts;
}

function distanceFromBalance(ratio: number): number {
  return Number.isFinite(ratio) ? Math.abs(ratio - 1) : Number.MAX_VALUE;
}
