import { Composer } from "telegraf";
import { DomainError } from "../../domain/errors.ts";
import { getAgencyImbalance, type UnitImbalance } from "../../use-cases/get-agency-imbalance.ts";
import { getUnitStatus, type UnitStatus } from "../../use-cases/get-unit-status.ts";
import { listRolesNeedingReview } from "../../use-cases/manage-roles.ts";
import type { BotContext } from "../context.ts";
import { ALERT_SHORTFALLS, shortfallLine } from "../../messages/balancing-alert.ts";
import { getAgencyShortfalls, type AgencyShortfalls } from "../../use-cases/get-agency-shortfalls.ts";
import { bandLabel, formatDay, formatRatio } from "../../messages/format.ts";
import { Html } from "../../messages/locales/index.ts";
import { pageEntries, visibleLength } from "../../messages/paging.ts";
import { auditTrailPager, replyAuditTrail } from "./audit-trail.ts";

/**
 * /status: a head sees their unit; an HR approver sees their agency's most imbalanced units; an
 * admin sees the decision trail.
 */
export const statusFeature = new Composer<BotContext>();

function renderUnit(ctx: BotContext, status: UnitStatus): string {
  const none = ctx.t("status.none");
  const loads = status.loads.map((l) =>
    ctx.t("status.load_line", {
      role: l.roleName,
      demand: l.demand,
      capacity: l.capacity,
      staff: l.staff,
      ratio: formatRatio(ctx.locale, l.ratio),
      band: bandLabel(ctx.locale, l.band),
      source: ctx.t(`status.source.${l.demandSource}`),
    }),
  );
  const vacancies = status.vacancies.map((v) =>
    ctx.t("status.vacancy_line", {
      count: v.count,
      role: v.roleName,
      reason: ctx.t(`vacancy.reason.${v.reason}`),
      since: formatDay(v.since),
    }),
  );
  const proposals = status.proposals.map((p) =>
    ctx.t(`status.proposal_line.${p.direction}`, {
      name: p.employeeName,
      role: p.roleName,
      unit: p.otherUnitName,
      status: ctx.t(`status.proposal_status.${p.status}`),
    }),
  );
  const render = (shown: string[]) =>
    ctx.t("status.head", {
      unit: status.unit.name,
      period: status.period,
      active: status.staff.active,
      total: status.staff.total,
      objections: status.staff.objections,
      loads: new Html(loads.join("\n") || none),
      vacancies: new Html((shown.join("\n") || none) + moreLines(ctx, vacancies.length - shown.length)),
      proposals: new Html(proposals.join("\n") || none),
    });
  // Open vacancies have no bound: as many as fit in one message, the rest counted.
  const frame = visibleLength(render([]) + moreLines(ctx, vacancies.length));
  return render(pageEntries(vacancies, frame)[0] ?? []);
}

function moreLines(ctx: BotContext, count: number): string {
  return count > 0 ? ctx.t("status.more", { count }) : "";
}

function unitLines(ctx: BotContext, units: UnitImbalance[]): Html {
  const lines = units.map((u) =>
    ctx.t("status.unit_line", {
      unit: u.unitName,
      demand: u.demand,
      capacity: u.capacity,
      ratio: formatRatio(ctx.locale, u.ratio),
      band: bandLabel(ctx.locale, u.band),
    }),
  );
  return new Html(lines.join("\n") || ctx.t("status.none"));
}

/** Why the last check left units short (issue 14): the first few, the rest counted. */
function whyNotLines(ctx: BotContext, why: AgencyShortfalls | null): string {
  if (!why) return "";
  const lines = why.items.slice(0, ALERT_SHORTFALLS).map((i) =>
    shortfallLine(ctx.locale, i.shortfall, {
      unit: i.unitName,
      role: i.role,
      maxDistanceKm: why.maxDistanceKm,
    }),
  );
  const rest = why.items.length - ALERT_SHORTFALLS;
  if (rest > 0) lines.push(ctx.t("check.alert.why_more", { count: rest }));
  return ctx.t("status.why_title", { run: String(why.runId), lines: new Html(lines.join("\n")) });
}

statusFeature.command("status", async (ctx, next) => {
  const { db, clock, config } = ctx.deps;
  const user = ctx.user;
  const inGroup = ctx.chat.type !== "private";
  const common = { now: clock.now(), timeZone: config.SCHEDULE_TIMEZONE };
  if (user?.role === "UNIT_HEAD" && !inGroup) {
    const status = await getUnitStatus(db, { userId: user.id, ...common });
    await ctx.reply(renderUnit(ctx, status), { parse_mode: "HTML" });
    return;
  }
  if (user?.role === "HR_APPROVER") {
    // In a group the use case checks that this is the approver's own agency's HR group.
    const view = await getAgencyImbalance(db, {
      userId: user.id,
      chatId: inGroup ? BigInt(ctx.chat.id) : null,
      ...common,
    });
    const review = await listRolesNeedingReview(db);
    const reviewLine = review.length
      ? ctx.t("status.roles_review", { count: review.length, codes: review.join(", ") })
      : "";
    await ctx.reply(
      ctx.t("status.agency", {
        agency: view.agency.name,
        period: view.period,
        units: view.units,
        over: unitLines(ctx, view.overloaded),
        under: unitLines(ctx, view.underloaded),
      }) +
        reviewLine +
        whyNotLines(ctx, await getAgencyShortfalls(db, view.agency.id)),
      { parse_mode: "HTML" },
    );
    return;
  }
  if (ctx.isAdmin) {
    // Roles an import created wait for an admin's review; in a private chat the decision trail follows.
    const review = await listRolesNeedingReview(db);
    if (review.length > 0)
      await ctx.reply(
        ctx.t("status.roles_review_admin", { count: review.length, codes: review.join(", ") }),
        {
          parse_mode: "HTML",
        },
      );
    if (!inGroup) return replyAuditTrail(ctx);
    // In a group, admins have their own district-wide status elsewhere.
    if (review.length === 0) return next();
    return;
  }
  throw new DomainError(inGroup ? "approver_only" : "status_not_allowed");
});

statusFeature.use(auditTrailPager);
