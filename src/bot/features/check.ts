import { Composer } from "telegraf";
import { DomainError } from "../../domain/errors.ts";
import { Html } from "../../messages/locales/index.ts";
import { formatHoursSplit } from "../../messages/format.ts";
import { runBalancingCheck, type BalancingCheckResult } from "../../use-cases/balancing-check/index.ts";
import type { BotContext } from "../context.ts";
import { withinOrBeside } from "../province-work.ts";
import { assertMayRunCheck } from "../roles.ts";

/** /cek in an HR group: runs the balancing check now; the alert, the chart and the digest follow through the outbox. */
export const checkFeature = new Composer<BotContext>();

checkFeature.command(["cek", "check"], async (ctx) => {
  if (ctx.chat.type !== "group" && ctx.chat.type !== "supergroup") throw new DomainError("group_only");
  const { db, clock, logger, config } = ctx.deps;
  await assertMayRunCheck(db, { chatId: ctx.chat.id, user: ctx.user, isAdmin: ctx.isAdmin });
  // A province's check takes a minute or more: it runs beside the update loop (bot/province-work.ts).
  await withinOrBeside(ctx, { province: "check.started" }, async (inUpdate) => {
    const result = await runBalancingCheck(db, clock, {
      trigger: "GROUP",
      post: true,
      timeZone: config.SCHEDULE_TIMEZONE,
      locale: config.DEFAULT_LOCALE,
      logger,
      admins: config,
      plans: ctx.deps.plans,
      ...(inUpdate ? { transact: (work) => ctx.transact(work) } : {}),
    });
    await replySummary(ctx, result);
  });
});

/** What the group reads when the check ends: the shortfall before and after, the proposals sent. */
async function replySummary(ctx: BotContext, result: BalancingCheckResult): Promise<void> {
  const run = result.runId ?? 0;
  if (result.blackout) {
    const { from, to, reason } = result.blackout;
    await ctx.reply(ctx.t("check.summary.blackout", { run, from, to, reason }));
    return;
  }
  const flight = result.plan?.metrics.inFlight;
  if (result.proposals.length === 0 && result.skipped === 0) {
    // With no shortage left, "no transfer would reduce it" would mislead: say it is covered.
    const inFlight = result.kept + result.withdrawn + (flight?.committed ?? 0) > 0;
    const key =
      result.unmetAfter === 0
        ? "check.summary.balanced"
        : inFlight
          ? "check.summary.in_flight"
          : "check.summary.nothing";
    await ctx.reply(
      ctx.t(key, {
        run,
        before: formatHoursSplit(ctx.locale, result.unmetHours.before),
        after: formatHoursSplit(ctx.locale, result.unmetHours.after),
        kept: result.kept,
        withdrawn: result.withdrawn,
      }),
    );
    return;
  }
  const skipped = result.skipped > 0 ? ctx.t("check.summary.skipped", { count: result.skipped }) : "";
  // "19 usulan: 18 dikirim ke tim, 1 menunggu grup HR": what the team will see, and what waits apart.
  const waiting = result.waiting > 0 ? ctx.t("check.summary.waiting", { count: result.waiting }) : "";
  const proposals = ctx.t("check.summary.sent", { total: result.proposals.length, sent: result.sent });
  await ctx.reply(
    ctx.t("check.summary", {
      run,
      before: formatHoursSplit(ctx.locale, result.unmetHours.before),
      after: formatHoursSplit(ctx.locale, result.unmetHours.after),
      proposals: new Html(proposals + waiting),
      skipped: new Html(skipped),
    }),
  );
}
