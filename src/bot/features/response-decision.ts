import { Composer } from "telegraf";
import { message } from "telegraf/filters";
import { DomainError } from "../../domain/errors.ts";
import { escapeHtml, Html } from "../../messages/locales/index.ts";
import { responseDecisionData } from "../../messages/callback-data/employee-response.ts";
import {
  checkResponseDecision,
  decideResponse,
  DISMISS_REASON_MAX,
} from "../../use-cases/proposals/index.ts";
import type { BotContext } from "../context.ts";
import { groupAgency } from "../../db/hr-approver.ts";

/**
 * Terima (batalkan usulan) / Tolak on an employee's response card in the HR group, and the reason
 * that follows Tolak (the approver's next text in the group, as for a proposal's rejection).
 */
export const responseDecisionFeature = new Composer<BotContext>();

const DISMISS_REASON = "response-dismiss-reason";

/** Cards in a group are read by several people: they use the bot's default language. */
const groupLocale = (ctx: BotContext) => ctx.deps.config.DEFAULT_LOCALE;

function mention(ctx: BotContext): Html {
  const name = ctx.user?.name ?? ctx.from?.first_name ?? "";
  return new Html(`<a href="tg://user?id=${ctx.from?.id ?? 0}">${escapeHtml(name)}</a>`);
}

responseDecisionFeature.action(responseDecisionData.pattern, async (ctx) => {
  const data = "data" in ctx.callbackQuery ? responseDecisionData.unpack(ctx.callbackQuery.data) : null;
  const card = ctx.callbackQuery.message;
  if (!data || !card || !ctx.chat) {
    await ctx.answerCbQuery(ctx.t("fallback.button"));
    return;
  }
  const base = {
    responseId: data.responseId,
    actor: ctx.actor,
    inGroupOf: await groupAgency(ctx.deps.db, ctx.chat.id),
    now: ctx.deps.clock.now(),
    timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
    card: { chatId: ctx.chat.id, messageId: card.message_id },
  };
  if (data.verdict === "UPHOLD") {
    const outcome = await ctx.transact((tx) =>
      decideResponse(tx, { ...base, verdict: "UPHOLD", locale: groupLocale(ctx) }),
    );
    await ctx.answerCbQuery(ctx.t("response.uphold.done", { id: outcome.proposal.id }));
    return;
  }
  // Tolak: the rights are checked now (a stranger gets the alert, not a prompt), then the reason is asked.
  // The wait for the reason is committed before the question goes out (webhook updates run concurrently).
  const { response, proposal } = await ctx.transact(async (tx) => {
    const checked = await checkResponseDecision(tx, base);
    ctx.session.awaiting = { kind: DISMISS_REASON, refId: checked.response.id };
    return checked;
  });
  const prompt = await ctx.reply(
    ctx.t("response.dismiss.prompt", {
      name: mention(ctx),
      kind: ctx.t(`response.kind.${response.kind}`),
      employee: proposal.employee.name,
      id: proposal.id,
      max: DISMISS_REASON_MAX,
    }),
    {
      reply_parameters: { message_id: card.message_id, allow_sending_without_reply: true },
      reply_markup: { force_reply: true, selective: true },
    },
  );
  ctx.session.awaiting = { kind: DISMISS_REASON, refId: response.id, promptMessageId: prompt.message_id };
  await ctx.answerCbQuery(ctx.t("response.dismiss.asked"));
});

responseDecisionFeature.command(["batal", "cancel"], async (ctx, next) => {
  const awaiting = ctx.session.awaiting;
  if (awaiting?.kind !== DISMISS_REASON) return next();
  ctx.session.awaiting = null;
  const response = await ctx.deps.db.employeeResponse.findUnique({ where: { id: awaiting.refId } });
  await ctx.reply(
    ctx.t("response.dismiss.cancelled", {
      kind: ctx.t(`response.kind.${response?.kind ?? "RESPONSE"}`),
      id: awaiting.refId,
    }),
  );
});

async function askAgain(ctx: BotContext, text: string, refId: number): Promise<void> {
  const prompt = await ctx.reply(text, {
    reply_parameters: { message_id: ctx.message?.message_id ?? 0, allow_sending_without_reply: true },
    reply_markup: { force_reply: true, selective: true },
  });
  ctx.session.awaiting = { kind: DISMISS_REASON, refId, promptMessageId: prompt.message_id };
}

responseDecisionFeature.on(message("text"), async (ctx, next) => {
  const awaiting = ctx.session.awaiting;
  if (awaiting?.kind !== DISMISS_REASON || ctx.message.text.startsWith("/")) return next();
  const reason = ctx.message.text.trim();
  if (reason.length === 0) return askAgain(ctx, ctx.t("response.dismiss.empty"), awaiting.refId);
  if (reason.length > DISMISS_REASON_MAX) {
    return askAgain(
      ctx,
      ctx.t("response.dismiss.too_long", { length: reason.length, max: DISMISS_REASON_MAX }),
      awaiting.refId,
    );
  }
  ctx.session.awaiting = null;
  try {
    const outcome = await ctx.transact(async (tx) =>
      decideResponse(tx, {
        responseId: awaiting.refId,
        actor: ctx.actor,
        inGroupOf: await groupAgency(tx, ctx.chat.id),
        now: ctx.deps.clock.now(),
        timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
        verdict: "DISMISS",
        reason,
        locale: groupLocale(ctx),
      }),
    );
    await ctx.reply(
      ctx.t("response.dismiss.recorded", {
        kind: ctx.t(`response.kind_title.${outcome.response.kind}`),
        id: outcome.proposal.id,
        employee: outcome.proposal.employee.name,
      }),
      {
        reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true },
      },
    );
  } catch (error) {
    // The dismissal did not land (someone decided first): stop waiting anyway, then say why.
    if (error instanceof DomainError) await ctx.transact(async () => undefined);
    throw error;
  }
});
