import { Composer } from "telegraf";
import { z } from "zod";
import type { Actor } from "../../domain/actor.ts";
import { oneLine, shortTextAnswer } from "../../domain/report-answers.ts";
import { beginCheckedConversation, conversationHandlers } from "../conversations/engine.ts";
import { answer, type ConversationSpec, type Turn } from "../conversations/steps.ts";
import { mention } from "../conversations/mention.ts";
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
  await beginCheckedConversation(ctx, dismissReason, async (tx) => {
    const { response, proposal } = await checkResponseDecision(tx, base);
    return {
      responseId: response.id,
      kind: response.kind,
      proposalId: proposal.id,
      employee: proposal.employee.name,
    };
  });
  await ctx.answerCbQuery(ctx.t("response.dismiss.asked"));
});

const dismissData = z.object({
  responseId: z.number().int(),
  kind: z.enum(["RESPONSE", "KEBERATAN"]),
  proposalId: z.number().int(),
  employee: z.string(),
});
type DismissData = z.infer<typeof dismissData>;

/** The dismissal's reason: the approver's next text in the group. */
const dismissReason: ConversationSpec<DismissData, never, Actor> = {
  name: "response-dismiss-reason",
  data: dismissData,
  first: "reason",
  identify: (ctx) => ctx.actor,
  group: {
    cancelled: ({ ctx, data }) => [
      "response.dismiss.cancelled",
      { kind: ctx.t(`response.kind.${data.kind}`), id: data.responseId },
    ],
  },
  steps: {
    reason: {
      prompt: ({ ctx, data }) => ({
        say: [
          "response.dismiss.prompt",
          {
            name: mention(ctx),
            kind: ctx.t(`response.kind.${data.kind}`),
            employee: data.employee,
            id: data.proposalId,
            max: DISMISS_REASON_MAX,
          },
        ],
      }),
      text: answer(
        shortTextAnswer(1, DISMISS_REASON_MAX),
        "response.dismiss",
        (text) => ({ length: oneLine(text).length, max: DISMISS_REASON_MAX }),
        ({ ctx, who, data }: Turn<DismissData, Actor>, reason) => ({
          to: null,
          effect: async (tx) => {
            const outcome = await decideResponse(tx, {
              responseId: data.responseId,
              actor: who,
              inGroupOf: ctx.chat ? await groupAgency(tx, ctx.chat.id) : null,
              now: ctx.deps.clock.now(),
              timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
              verdict: "DISMISS",
              reason,
              locale: groupLocale(ctx),
            });
            return async () => {
              await ctx.reply(
                ctx.t("response.dismiss.recorded", {
                  kind: ctx.t(`response.kind_title.${outcome.response.kind}`),
                  id: outcome.proposal.id,
                  employee: outcome.proposal.employee.name,
                }),
                {
                  reply_parameters: {
                    message_id: ctx.message?.message_id ?? 0,
                    allow_sending_without_reply: true,
                  },
                },
              );
            };
          },
        }),
      ),
    },
  },
};

responseDecisionFeature.use(conversationHandlers(dismissReason));
