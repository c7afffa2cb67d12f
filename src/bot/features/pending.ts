import { Composer } from "telegraf";
import { DomainError } from "../../domain/errors.ts";
import { formatDateTime } from "../../domain/time.ts";
import { listPendingProposals, messageLink } from "../../use-cases/list-pending-proposals.ts";
import type { BotContext } from "../context.ts";

/** A long list is cut so the message stays under Telegram's 4,096 characters; the title keeps the total. */
const MAX_ITEMS = 30;

export const pendingFeature = new Composer<BotContext>();

pendingFeature.command(["usulan", "pending"], async (ctx) => {
  if (ctx.chat.type !== "group" && ctx.chat.type !== "supergroup") throw new DomainError("group_only");
  const { agency, proposals } = await listPendingProposals(ctx.deps.db, {
    chatId: ctx.chat.id,
    now: ctx.deps.clock.now(),
    viewer: { userId: ctx.user?.id ?? null, isAdmin: ctx.isAdmin },
  });
  if (proposals.length === 0) {
    await ctx.reply(ctx.t("hr.pending.none", { agency: agency.name }), { parse_mode: "HTML" });
    return;
  }
  const timeZone = ctx.deps.config.SCHEDULE_TIMEZONE;
  const lines = [ctx.t("hr.pending.title", { agency: agency.name, count: proposals.length })];
  for (const p of proposals.slice(0, MAX_ITEMS)) {
    const link = messageLink(p.cardChatId, p.cardMessageId);
    const params = {
      id: String(p.id),
      name: p.employee.name,
      from: p.fromUnit.name,
      to: p.toUnit.name,
      expires: formatDateTime(p.expiresAt, timeZone),
    };
    lines.push(
      link ? ctx.t("hr.pending.item", { ...params, link }) : ctx.t("hr.pending.item_nolink", params),
    );
  }
  if (proposals.length > MAX_ITEMS) lines.push("…");
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
});
