import { Composer } from "telegraf";
import { DomainError } from "../../domain/errors.ts";
import { formatDate } from "../../domain/time.ts";
import { cancelProposal, liftRejection } from "../../use-cases/proposals/index.ts";
import { recordDecree } from "../../use-cases/decrees/index.ts";
import type { BotContext } from "../context.ts";

/**
 * The admin's two steps after the team's approval, in a private chat: /sk records the PPK's decree
 * (number, date, TMT) and /batalusulan cancels an approved or decreed proposal with a reason;
 * /cabutpenolakan lifts a rejection's cooldown early (issue 24).
 */
export const decreeFeature = new Composer<BotContext>();

const actorOf = (ctx: BotContext) => ({
  id: ctx.user?.id ?? null,
  name: ctx.user?.name ?? ctx.from?.first_name ?? "admin",
});

function guard(ctx: BotContext): void {
  if (!ctx.isAdmin) throw new DomainError("decree_not_admin");
  if (ctx.chat?.type !== "private") throw new DomainError("private_only");
}

decreeFeature.command("sk", async (ctx) => {
  guard(ctx);
  const words = ctx.payload.trim().split(/\s+/).filter(Boolean);
  const [id, ...rest] = words;
  // The number may hold spaces; the last two words are the SK's date and its TMT.
  if (!id || !/^\d{1,9}$/.test(id) || rest.length < 3) {
    await ctx.reply(ctx.t("decree.sk.usage"));
    return;
  }
  const tmt = rest.at(-1) ?? "";
  const tanggal = rest.at(-2) ?? "";
  const nomor = rest.slice(0, -2).join(" ");
  const timeZone = ctx.deps.config.SCHEDULE_TIMEZONE;
  const decreed = await ctx.transact((tx) =>
    recordDecree(tx, {
      proposalId: Number(id),
      nomor,
      tanggal,
      tmt,
      actor: actorOf(ctx),
      now: ctx.deps.clock.now(),
      timeZone,
      locale: ctx.deps.config.DEFAULT_LOCALE,
      details: { source: "chat" },
      adminIds: ctx.deps.config.ADMIN_TELEGRAM_IDS,
    }),
  );
  const day = (date: Date | null) => (date ? formatDate(date, "UTC") : "—");
  const params = {
    id: String(decreed.id),
    sk: decreed.skNumber ?? "",
    date: day(decreed.skDate),
    tmt: day(decreed.tmt),
    name: decreed.employee.name,
    from: decreed.fromUnit.name,
    to: decreed.toUnit.name,
    deadline: day(decreed.objectionDeadline),
    reason: decreed.cancelReason ?? "",
  };
  // Recorded late, on or after its TMT: the move has already been carried out (or could not be).
  const now =
    decreed.status === "EFFECTIVE"
      ? `\n${ctx.t("decree.recorded_effective", params)}`
      : decreed.status === "CANCELLED"
        ? `\n${ctx.t("decree.recorded_cancelled", params)}`
        : "";
  await ctx.reply(`${ctx.t("decree.recorded", params)}${now}`);
});

decreeFeature.command(["batalusulan", "cancelproposal"], async (ctx) => {
  guard(ctx);
  const match = /^\s*(\d{1,9})\s+([\s\S]+)$/.exec(ctx.payload);
  if (!match?.[1] || !match[2]?.trim()) {
    await ctx.reply(ctx.t("decree.cancel.usage"));
    return;
  }
  const proposalId = Number(match[1]);
  const reason = match[2];
  const cancelled = await ctx.transact((tx) =>
    cancelProposal(tx, {
      proposalId,
      actor: actorOf(ctx),
      reason,
      now: ctx.deps.clock.now(),
      timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
      locale: ctx.deps.config.DEFAULT_LOCALE,
      details: { source: "chat" },
    }),
  );
  await ctx.reply(
    ctx.t("decree.cancel.done", {
      id: String(cancelled.id),
      name: cancelled.employee.name,
      from: cancelled.fromUnit.name,
      to: cancelled.toUnit.name,
      reason: cancelled.cancelReason ?? "",
    }),
  );
});

decreeFeature.command(["cabutpenolakan", "liftrejection"], async (ctx) => {
  guard(ctx);
  const match = /^\s*#?(\d{1,9})\s*$/.exec(ctx.payload);
  if (!match?.[1]) {
    await ctx.reply(ctx.t("rejection.lift.usage"));
    return;
  }
  const proposalId = Number(match[1]);
  const lifted = await ctx.transact((tx) =>
    liftRejection(tx, {
      proposalId,
      actor: actorOf(ctx),
      now: ctx.deps.clock.now(),
      timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
    }),
  );
  await ctx.reply(
    ctx.t("rejection.lift.done", {
      id: String(lifted.id),
      name: lifted.employee.name,
      school:
        lifted.rejectScope === "PERSON" ? "" : ctx.t("rejection.lift.school", { school: lifted.toUnit.name }),
    }),
  );
});
