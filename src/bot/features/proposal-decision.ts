import { Composer } from "telegraf";
import { z } from "zod";
import type { Actor } from "../../domain/actor.ts";
import { oneLine, shortTextAnswer } from "../../domain/report-answers.ts";
import { beginCheckedConversation, conversationHandlers } from "../conversations/engine.ts";
import { answer, type ConversationSpec, type Said, type Turn } from "../conversations/steps.ts";
import { mention } from "../conversations/mention.ts";
import {
  checkDecision,
  decideProposal,
  REJECT_REASON_MAX,
  reviewObjection,
  earlierRejections,
  widenRejection,
  queueProposalView,
} from "../../use-cases/proposals/index.ts";
import { readFlightPolicy } from "../../db/build-plan-input.ts";
import { loadProposalForGroup, type ProposalWithRelations } from "../../db/proposal-query.ts";
import { groupAgency } from "../../db/hr-approver.ts";
import { proposalData } from "../../messages/callback-data/proposal.ts";
import type { BotContext, DbTx } from "../context.ts";
import { renderProposalDetails } from "../../messages/proposal-details.ts";
import { digestPager, showQueuedView } from "./proposal-digest.ts";

/** Setujui / Tolak / Rincian on proposal cards and digests, the rejection reason that follows Tolak, ◀ ▶ on digests. */
export const proposalDecisionFeature = new Composer<BotContext>();

proposalDecisionFeature.use(digestPager);

/** Cards in a group are read by several people: they use the bot's default language, not the presser's. */
const groupLocale = (ctx: BotContext) => ctx.deps.config.DEFAULT_LOCALE;

type Decided = { proposal: ProposalWithRelations; quorum: number };

/**
 * Records a decision and shows it: the edit of the message showing the proposal (`at`, the pressed
 * message; by default the proposal's remembered card) is queued in the decision's transaction, then
 * made at once (issue 25). What the group sees depends neither on the answer to the press nor on the
 * handler getting as far as the edit.
 */
async function decideShown<T extends Decided>(
  ctx: BotContext,
  decide: (tx: DbTx) => Promise<T>,
  at?: { chatId: number | bigint; messageId: number },
): Promise<T> {
  const { outcome, queued } = await ctx.transact((tx) => decideInTx(ctx, tx, decide, at));
  await showQueuedView(ctx, queued);
  return outcome;
}

/** The decision and its queued edit, in the caller's transaction; the edit is made after the commit. */
async function decideInTx<T extends Decided>(
  ctx: BotContext,
  tx: DbTx,
  decide: (tx: DbTx) => Promise<T>,
  at?: { chatId: number | bigint; messageId: number },
) {
  const outcome = await decide(tx);
  const { cardChatId, cardMessageId } = outcome.proposal;
  const place =
    at ??
    (cardChatId !== null && cardMessageId !== null ? { chatId: cardChatId, messageId: cardMessageId } : null);
  const queued = place
    ? await queueProposalView(tx, {
        ...outcome,
        at: place,
        locale: groupLocale(ctx),
        timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
        now: ctx.deps.clock.now(),
      })
    : null;
  return { outcome, queued };
}

/**
 * The answer to a press is best-effort (issue 25): Telegram may answer it with a 500, and the decision is
 * recorded and shown on the card all the same; the presser must not read that something went wrong.
 */
async function answerQuietly(ctx: BotContext, text: string): Promise<void> {
  await ctx
    .answerCbQuery(text)
    .catch((error: unknown) => ctx.deps.logger.warn({ err: error }, "answer to a press failed"));
}

proposalDecisionFeature.action(proposalData.pattern, async (ctx) => {
  const data = "data" in ctx.callbackQuery ? proposalData.unpack(ctx.callbackQuery.data) : null;
  const card = ctx.callbackQuery.message;
  if (!data || !card || !ctx.chat) {
    await ctx.answerCbQuery(ctx.t("fallback.button"));
    return;
  }
  const chatId = ctx.chat.id;
  const timeZone = ctx.deps.config.SCHEDULE_TIMEZONE;
  const inGroupOf = await groupAgency(ctx.deps.db, chatId);
  const base = {
    proposalId: data.proposalId,
    actor: ctx.actor,
    inGroupOf,
    now: ctx.deps.clock.now(),
    timeZone,
    card: { chatId, messageId: card.message_id },
  };

  if (data.action === "details") {
    const proposal = await loadProposalForGroup(ctx.deps.db, { proposalId: data.proposalId, inGroupOf });
    const rejections = await earlierRejections(ctx.deps.db, {
      employeeId: proposal.employeeId,
      proposalId: proposal.id,
    });
    await ctx.answerCbQuery();
    await ctx.reply(renderProposalDetails(proposal, ctx.locale, timeZone, rejections), {
      reply_parameters: { message_id: card.message_id, allow_sending_without_reply: true },
    });
    return;
  }

  if (data.action === "reviewed") {
    const outcome = await decideShown(ctx, (tx) => reviewObjection(tx, base), base.card);
    await answerQuietly(ctx, ctx.t("hr.objection.reviewed", { id: String(outcome.proposal.id) }));
    return;
  }

  if (data.action === "person") {
    // "Jangan usulkan orang ini": the rejection is widened from the school to the person.
    const { proposal, changed } = await ctx.transact((tx) =>
      widenRejection(tx, { proposalId: data.proposalId, actor: ctx.actor, inGroupOf, now: base.now }),
    );
    const { rejectionCooldownMonths: months } = await readFlightPolicy(ctx.deps.db);
    const params = { id: String(proposal.id), name: proposal.employee.name, months };
    await ctx.answerCbQuery(ctx.t(changed ? "hr.reject.person_done" : "hr.reject.person_already", params));
    if (changed) {
      await ctx.reply(ctx.t("hr.reject.person_done", params), {
        reply_parameters: { message_id: card.message_id, allow_sending_without_reply: true },
      });
    }
    return;
  }

  if (data.action === "approve") {
    const outcome = await decideShown(
      ctx,
      (tx) => decideProposal(tx, { ...base, verdict: "APPROVE", locale: groupLocale(ctx) }),
      base.card,
    );
    await answerQuietly(
      ctx,
      outcome.kind === "vote"
        ? ctx.t("hr.approve.vote", { count: outcome.approvals, quorum: outcome.quorum })
        : ctx.t("hr.approve.done", { id: String(outcome.proposal.id) }),
    );
    return;
  }

  // Tolak: check the rights now (a stranger gets the alert, not a prompt), then ask for the reason.
  await beginCheckedConversation(ctx, rejectReason, async (tx) => {
    const { proposal } = await checkDecision(tx, base);
    return { proposalId: proposal.id, employee: proposal.employee.name };
  });
  await ctx.answerCbQuery(ctx.t("hr.reject.asked"));
});

const rejectData = z.object({ proposalId: z.number().int(), employee: z.string() });
type RejectData = z.infer<typeof rejectData>;

/** The rejection's reason: the approver's next text in the group (normally a reply to the question). */
const rejectReason: ConversationSpec<RejectData, never, Actor> = {
  name: "reject-reason",
  data: rejectData,
  first: "reason",
  identify: (ctx) => ctx.actor,
  group: { cancelled: ({ data }) => ["hr.reject.cancelled", { id: String(data.proposalId) }] },
  steps: {
    reason: {
      prompt: ({ ctx, data }) => ({
        say: [
          "hr.reject.prompt",
          { name: mention(ctx), id: String(data.proposalId), employee: data.employee },
        ],
      }),
      text: answer(
        shortTextAnswer(1, REJECT_REASON_MAX),
        "hr.reject",
        (text) => ({ length: oneLine(text).length }),
        ({ ctx, who, data }: Turn<RejectData, Actor>, reason) => ({
          to: null,
          effect: (tx) => reject(ctx, tx, { proposalId: data.proposalId, actor: who, reason }),
        }),
      ),
    },
  },
};

/** Records the rejection; the card (wherever the reason was typed) and the answer follow the commit. */
async function reject(
  ctx: BotContext,
  tx: DbTx,
  input: { proposalId: number; actor: Actor; reason: string },
): Promise<Said> {
  const shown = await decideInTx(ctx, tx, async (tx) =>
    decideProposal(tx, {
      ...input,
      inGroupOf: ctx.chat ? await groupAgency(tx, ctx.chat.id) : null,
      now: ctx.deps.clock.now(),
      timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
      verdict: "REJECT",
      locale: groupLocale(ctx),
    }),
  );
  const { rejectionCooldownMonths: months } = await readFlightPolicy(tx);
  const { proposal } = shown.outcome;
  return async () => {
    await showQueuedView(ctx, shown.queued);
    await ctx.reply(
      ctx.t("hr.reject.recorded", {
        id: String(proposal.id),
        name: proposal.employee.name,
        school: proposal.toUnit.name,
        months,
      }),
      {
        reply_parameters: { message_id: ctx.message?.message_id ?? 0, allow_sending_without_reply: true },
        reply_markup: {
          inline_keyboard: [
            [
              {
                text: ctx.t("hr.reject.person_button"),
                callback_data: proposalData.pack("person", proposal.id),
              },
            ],
          ],
        },
      },
    );
  };
}

proposalDecisionFeature.use(conversationHandlers(rejectReason));
