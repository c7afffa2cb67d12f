import { Composer } from "telegraf";
import {
  askForReason,
  groupReasonHandlers,
  mention,
  type GroupReason,
} from "../conversations/group-reason.ts";
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

const REJECT_REASON = "reject-reason";

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
  const { outcome, queued } = await ctx.transact(async (tx) => {
    const outcome = await decide(tx);
    const { cardChatId, cardMessageId } = outcome.proposal;
    const place =
      at ??
      (cardChatId !== null && cardMessageId !== null
        ? { chatId: cardChatId, messageId: cardMessageId }
        : null);
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
  });
  await showQueuedView(ctx, queued);
  return outcome;
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
  // The wait for the reason is committed before the question goes out: with webhooks updates come
  // concurrently, and a reason typed at once must find it (issue 25).
  await askForReason(ctx, rejectReason, {
    check: (tx) => checkDecision(tx, base),
    refId: (checked) => checked.proposal.id,
    question: ({ proposal }) =>
      ctx.t("hr.reject.prompt", {
        name: mention(ctx),
        id: String(proposal.id),
        employee: proposal.employee.name,
      }),
    replyTo: card.message_id,
  });
  await ctx.answerCbQuery(ctx.t("hr.reject.asked"));
});

/** The rejection's reason: the approver's next text in the group (normally a reply to the question). */
const rejectReason: GroupReason = {
  kind: REJECT_REASON,
  max: REJECT_REASON_MAX,
  empty: (ctx) => ctx.t("hr.reject.empty"),
  tooLong: (ctx, length) => ctx.t("hr.reject.too_long", { length }),
  cancelled: async (ctx, refId) => ctx.t("hr.reject.cancelled", { id: String(refId) }),
  async answer(ctx, proposalId, reason) {
    // Shown on the proposal's card, wherever the reason was typed.
    const outcome = await decideShown(ctx, async (tx) =>
      decideProposal(tx, {
        proposalId,
        actor: ctx.actor,
        inGroupOf: ctx.chat ? await groupAgency(tx, ctx.chat.id) : null,
        now: ctx.deps.clock.now(),
        timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
        verdict: "REJECT",
        reason,
        locale: groupLocale(ctx),
      }),
    );
    const { rejectionCooldownMonths: months } = await readFlightPolicy(ctx.deps.db);
    const { proposal } = outcome;
    await ctx.reply(
      ctx.t("hr.reject.recorded", {
        id: String(proposal.id),
        name: proposal.employee.name,
        school: proposal.toUnit.name,
        months,
      }),
      {
        reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true },
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
  },
};

proposalDecisionFeature.use(groupReasonHandlers(rejectReason));
