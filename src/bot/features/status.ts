import type { HoursTotals } from "../../domain/hours.ts";
import { Composer } from "telegraf";
import { DomainError } from "../../domain/errors.ts";
import {
  getAgencyImbalance,
  type UnitImbalance,
  getAgencyShortfalls,
  type AgencyShortfalls,
} from "../../use-cases/balancing-check/index.ts";
import type { KecamatanTotals } from "../../domain/kecamatan.ts";
import {
  getDistrictStatus,
  type KecamatanStatus,
  getUnitStatus,
  type UnitStatus,
} from "../../use-cases/status/index.ts";
import { listRolesNeedingReview } from "../../use-cases/units/index.ts";
import type { BotContext } from "../context.ts";
import { groupAgency } from "../../db/hr-approver.ts";
import { ALERT_SHORTFALLS, shortfallLine } from "../../messages/balancing-alert.ts";
import { formatDay, formatHours, formatHoursSplit, formatLoad } from "../../messages/format.ts";
import { Html } from "../../messages/locales/index.ts";
import { pageEntries, visibleLength } from "../../messages/paging.ts";
import { auditTrailPager, replyAuditTrail } from "./audit-trail.ts";

/**
 * /status: a head sees their unit; an HR approver sees their agency's most imbalanced units and
 * each kecamatan; an admin sees the district by kecamatan, then the decision trail.
 */
export const statusFeature = new Composer<BotContext>();

function renderUnit(ctx: BotContext, status: UnitStatus): string {
  const none = ctx.t("status.none");
  const loads = status.loads.map((l) =>
    ctx.t("status.load_line", {
      role: l.roleName,
      demand: formatHours(ctx.locale, l.demand, l.hoursUnit),
      capacity: formatHours(ctx.locale, l.capacity, l.hoursUnit),
      staff: l.staff,
      honorers: l.honorers > 0 ? ctx.t("status.honorers", { count: l.honorers }) : "",
      load: formatLoad(ctx.locale, l.demand, l.capacity, l.hoursUnit === "JP"),
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
      certified: new Html(certifiedLines(ctx, status)),
      vacancies: new Html((shown.join("\n") || none) + moreLines(ctx, vacancies.length - shown.length)),
      proposals: new Html(proposals.join("\n") || none),
    });
  // Open vacancies have no bound: as many as fit in one message, the rest counted.
  const frame = visibleLength(render([]) + moreLines(ctx, vacancies.length));
  return render(pageEntries(vacancies, frame)[0] ?? []);
}

/** Certified teachers under the standard load, by name: the head can offer them the hours or a move. */
function certifiedLines(ctx: BotContext, status: UnitStatus): string {
  const people = status.certifiedUnderStandard;
  if (people.length === 0) return "";
  const lines = people.map((c) =>
    ctx.t("status.certified_line", {
      name: c.name,
      role: c.roleName,
      taught: c.hoursTaught,
      standard: c.standardHours,
    }),
  );
  return ctx.t("status.certified_under", { count: people.length, lines: new Html(lines.join("\n")) });
}

/**
 * One line per kecamatan, unknown last, with its certified teachers under 24 JP: as many as fit in
 * the message `render` frames, the rest counted (Merauke alone has 22 kecamatan).
 */
function withKecamatan(
  ctx: BotContext,
  kecamatan: Array<KecamatanTotals | KecamatanStatus>,
  render: (section: Html) => string,
): string {
  const lines = kecamatan.map((k) =>
    ctx.t("status.kecamatan_line", {
      kecamatan: k.name ?? k.code ?? ctx.t("status.kecamatan_unknown"),
      units: k.units,
      demand: formatHoursSplit(ctx.locale, k.hours.demand),
      capacity: formatHoursSplit(ctx.locale, k.hours.capacity),
      load: formatLoad(ctx.locale, k.demand, k.capacity, teachingOnly(k.hours)),
      certified:
        k.certifiedUnderStandard > 0
          ? ctx.t("status.kecamatan_certified", { count: k.certifiedUnderStandard })
          : "",
    }),
  );
  if (lines.length === 0) return render(new Html(""));
  const section = (shown: string[]) =>
    new Html(
      ctx.t("status.kecamatan_section", {
        lines: new Html(shown.join("\n") + moreLines(ctx, lines.length - shown.length)),
      }),
    );
  return render(section(pageEntries(lines, visibleLength(render(section([]))))[0] ?? []));
}

const certifiedCount = (ctx: BotContext, count: number) =>
  new Html(count > 0 ? ctx.t("status.certified_count", { count }) : "");

/** The admin's district-wide view: the shortage, certified teachers under 24 JP, each kecamatan. */
async function replyDistrict(ctx: BotContext, common: { now: Date; timeZone: string }): Promise<void> {
  const district = await getDistrictStatus(ctx.deps.db, common);
  const text = withKecamatan(ctx, district.kecamatan, (kecamatan) =>
    ctx.t("status.district", {
      period: district.period,
      units: district.totals.units,
      unmet: formatHoursSplit(ctx.locale, district.totals.hours.unmet),
      certified: certifiedCount(ctx, district.certifiedUnderStandard.length),
      kecamatan,
    }),
  );
  await ctx.reply(text);
}

/** Work counted in JP alone: "kekurangan guru", not "pegawai". */
const teachingOnly = (hours: HoursTotals) => hours.demand.JP > 0 && hours.demand.jam === 0;

function moreLines(ctx: BotContext, count: number): string {
  return count > 0 ? ctx.t("status.more", { count }) : "";
}

function unitLines(ctx: BotContext, units: UnitImbalance[]): Html {
  const lines = units.map((u) =>
    ctx.t("status.unit_line", {
      unit: u.unitName,
      demand: formatHoursSplit(ctx.locale, u.hours.demand),
      capacity: formatHoursSplit(ctx.locale, u.hours.capacity),
      load: formatLoad(ctx.locale, u.demand, u.capacity, teachingOnly(u.hours)),
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
      unitName: (code) => why.unitNames.get(code),
    }),
  );
  const rest = why.items.length - ALERT_SHORTFALLS;
  // Already in /status: "…and N more", without sending the reader to /status again.
  if (rest > 0) lines.push(ctx.t("status.why_more", { count: rest }));
  return ctx.t("status.why_title", { run: String(why.runId), lines: new Html(lines.join("\n")) });
}

statusFeature.command("status", async (ctx, next) => {
  const { db, clock, config } = ctx.deps;
  const user = ctx.user;
  const inGroup = ctx.chat.type !== "private";
  const common = { now: clock.now(), timeZone: config.SCHEDULE_TIMEZONE };
  if (user?.role === "UNIT_HEAD" && !inGroup) {
    const status = await getUnitStatus(db, { userId: user.id, ...common });
    await ctx.reply(renderUnit(ctx, status));
    return;
  }
  if (user?.role === "HR_APPROVER") {
    // In a group the use case checks that this is the approver's own agency's HR group.
    const view = await getAgencyImbalance(db, {
      actor: ctx.actor,
      ...(inGroup ? { inGroupOf: await groupAgency(db, ctx.chat.id, { active: "any" }) } : {}),
      ...common,
    });
    const review = await listRolesNeedingReview(db);
    const reviewLine = review.length
      ? ctx.t("status.roles_review", { count: review.length, codes: review.join(", ") })
      : "";
    const shortfalls = await getAgencyShortfalls(db, view.agency.id);
    const text = withKecamatan(
      ctx,
      view.kecamatan,
      (kecamatan) =>
        ctx.t("status.agency", {
          agency: view.agency.name,
          period: view.period,
          units: view.units,
          over: unitLines(ctx, view.overloaded),
          under: unitLines(ctx, view.underloaded),
          certified: certifiedCount(ctx, view.certifiedUnderStandard),
          kecamatan,
        }) +
        reviewLine +
        whyNotLines(ctx, shortfalls),
    );
    await ctx.reply(text);
    return;
  }
  if (ctx.isAdmin) {
    // Roles an import created wait for an admin's review; in a private chat the decision trail follows.
    const review = await listRolesNeedingReview(db);
    if (review.length > 0)
      await ctx.reply(ctx.t("status.roles_review_admin", { count: review.length, codes: review.join(", ") }));
    if (!inGroup) {
      await replyDistrict(ctx, common);
      return replyAuditTrail(ctx);
    }
    // In a group, admins have their own district-wide status elsewhere.
    if (review.length === 0) return next();
    return;
  }
  throw new DomainError(inGroup ? "approver_only" : "status_not_allowed");
});

statusFeature.use(auditTrailPager);
