import { Composer } from "telegraf";
import {
  askForReason,
  groupReasonHandlers,
  mention,
  type GroupReason,
} from "../conversations/group-reason.ts";
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
  await askForReason(ctx, dismissReason, {
    check: (tx) => checkResponseDecision(tx, base),
    refId: (checked) => checked.response.id,
    question: ({ response, proposal }) =>
      ctx.t("response.dismiss.prompt", {
        name: mention(ctx),
        kind: ctx.t(`response.kind.${response.kind}`),
        employee: proposal.employee.name,
        id: proposal.id,
        max: DISMISS_REASON_MAX,
      }),
    replyTo: card.message_id,
  });
  await ctx.answerCbQuery(ctx.t("response.dismiss.asked"));
});

/** The dismissal's reason: the approver's next text in the group. */
const dismissReason: GroupReason = {
  kind: DISMISS_REASON,
  max: DISMISS_REASON_MAX,
  empty: (ctx) => ctx.t("response.dismiss.empty"),
  tooLong: (ctx, length) => ctx.t("response.dismiss.too_long", { length, max: DISMISS_REASON_MAX }),
  async cancelled(ctx, responseId) {
    const response = await ctx.deps.db.employeeResponse.findUnique({ where: { id: responseId } });
    return ctx.t("response.dismiss.cancelled", {
      kind: ctx.t(`response.kind.${response?.kind ?? "RESPONSE"}`),
      id: responseId,
    });
  },
  async answer(ctx, responseId, reason) {
    const outcome = await ctx.transact(async (tx) =>
      decideResponse(tx, {
        responseId,
        actor: ctx.actor,
        inGroupOf: ctx.chat ? await groupAgency(tx, ctx.chat.id) : null,
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
      { reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true } },
    );
  },
};

responseDecisionFeature.use(groupReasonHandlers(dismissReason));
