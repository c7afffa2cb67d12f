import { Composer } from "telegraf";
import { z } from "zod";
import { DomainError } from "../../domain/errors.ts";
import { formatDate, formatDateTime } from "../../domain/time.ts";
import { loadProposal } from "../../db/proposal-query.ts";
import { employeeResponseData, responseStepData } from "../../messages/callback-data/employee-response.ts";
import { noticeResponseData } from "../../messages/callback-data/employee-statement.ts";
import { isTextKey } from "../../messages/locales/index.ts";
import {
  checkResponse,
  recordResponse,
  RESPONSE_TEXT_MAX,
  responseTextSchema,
} from "../../use-cases/notices/index.ts";
import type { BotContext } from "../context.ts";
import { requireEmployee } from "../conversations/employee.ts";
import { beginConversation, conversationHandlers } from "../conversations/engine.ts";
import {
  cancelled,
  labelled,
  type ConversationSpec,
  type Move,
  type Outcome,
  type Say,
} from "../conversations/steps.ts";
import { showRecord } from "./me.ts";

/**
 * "Tanggapi" under the notice letter and "Ajukan keberatan" under the SK letter: the person (only
 * they) is asked for their words, which go to the HR group as a card (use-cases/record-response.ts).
 * The question is a conversation in the database, so a restart between press and answer loses nothing.
 */
export const employeeResponseFeature = new Composer<BotContext>();

const responseData = z.object({
  kind: z.enum(["RESPONSE", "KEBERATAN"]),
  proposalId: z.number().int().positive(),
});
type ResponseData = z.infer<typeof responseData>;

/** Someone else's letter: the same refusal whoever presses, registered or not. */
function requireOwnAccount(ctx: BotContext): { userId: number } {
  if (ctx.chat?.type !== "private") throw new DomainError("private_only");
  if (!ctx.user?.employee) throw new DomainError("response_not_yours");
  return { userId: ctx.user.id };
}

const asked = (ctx: BotContext, data: ResponseData) => ({
  ...data,
  userId: requireEmployee(ctx).userId,
  now: ctx.deps.clock.now(),
  timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
});

/** The answer can no longer be taken (the deadline passed, the proposal ended): say why and stop asking. */
function refusal(error: unknown): Move<ResponseData> {
  if (!(error instanceof DomainError)) throw error;
  const key = `errors.${error.code}`;
  if (!isTextKey(key)) throw error;
  return { to: null, say: [key, error.params] };
}

async function words(ctx: BotContext, data: ResponseData, text: string): Promise<Outcome<ResponseData>> {
  const parsed = responseTextSchema.safeParse(text);
  if (!parsed.success) {
    const length = text.trim().length;
    return {
      retry:
        length === 0
          ? ["response.text.empty"]
          : ["response.text.too_long", { length, max: RESPONSE_TEXT_MAX }],
    };
  }
  try {
    await checkResponse(ctx.deps.db, asked(ctx, data));
  } catch (error) {
    return refusal(error);
  }
  return {
    to: null,
    effect: async (tx): Promise<Say> => {
      const { response, proposal, agency, forwarded } = await recordResponse(tx, {
        ...asked(ctx, data),
        text: parsed.data,
        locale: ctx.deps.config.DEFAULT_LOCALE,
        adminIds: ctx.deps.config.ADMIN_TELEGRAM_IDS,
      });
      const params = {
        id: proposal.id,
        sk: proposal.skNumber ?? "—",
        agency,
        at: formatDateTime(response.createdAt, ctx.deps.config.SCHEDULE_TIMEZONE),
      };
      return [
        forwarded ? `response.recorded.${data.kind}` : `response.recorded_unlinked.${data.kind}`,
        params,
      ];
    },
  };
}

export const responseConversation: ConversationSpec<ResponseData, "cancel"> = {
  name: "response",
  data: responseData,
  buttons: responseStepData,
  first: "words",
  identify: requireEmployee,
  steps: {
    words: {
      prompt: async ({ ctx, data }) => {
        const proposal = await loadProposal(ctx.deps.db, data.proposalId);
        return {
          say: [
            `response.ask.${data.kind}`,
            {
              id: data.proposalId,
              from: proposal?.fromUnit.name ?? "—",
              to: proposal?.toUnit.name ?? "—",
              sk: proposal?.skNumber ?? "—",
              deadline: proposal?.objectionDeadline ? formatDate(proposal.objectionDeadline, "UTC") : "—",
              max: RESPONSE_TEXT_MAX,
            },
          ],
          buttons: labelled(ctx, [["response.button.cancel", "cancel"]]),
        };
      },
      text: (turn, text) => words(turn.ctx, turn.data, text),
      actions: { cancel: () => cancelled },
    },
  },
};

employeeResponseFeature.action(employeeResponseData.pattern, async (ctx) => {
  const press = "data" in ctx.callbackQuery ? employeeResponseData.unpack(ctx.callbackQuery.data) : null;
  if (!press) {
    await ctx.answerCbQuery(ctx.t("fallback.button"));
    return;
  }
  const me = requireOwnAccount(ctx);
  // Refused here (not after typing): a stranger, a late keberatan, a second one while the first is open.
  await checkResponse(ctx.deps.db, {
    ...press,
    userId: me.userId,
    now: ctx.deps.clock.now(),
    timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
  });
  await ctx.answerCbQuery();
  await beginConversation(ctx, responseConversation, press);
});

// Letters sent before issue 15's second half carry "nr:{employeeId}": for the person's own letter,
// the answer goes to their latest approved or decreed proposal, else to /saya as before.
employeeResponseFeature.action(noticeResponseData.pattern, async (ctx) => {
  const press = "data" in ctx.callbackQuery ? noticeResponseData.unpack(ctx.callbackQuery.data) : null;
  const me = requireOwnAccount(ctx);
  if (!press || press.employeeId !== ctx.user?.employeeId) throw new DomainError("response_not_yours");
  const proposal = await ctx.deps.db.proposal.findFirst({
    where: { employeeId: press.employeeId, status: { in: ["APPROVED", "DECREED"] } },
    orderBy: { id: "desc" },
  });
  await ctx.answerCbQuery();
  if (!proposal) return showRecord(ctx);
  const data = { kind: "RESPONSE" as const, proposalId: proposal.id };
  try {
    await checkResponse(ctx.deps.db, {
      ...data,
      userId: me.userId,
      now: ctx.deps.clock.now(),
      timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
    });
  } catch (error) {
    const move = refusal(error);
    if (move.say) await ctx.reply(ctx.t(...move.say));
    return;
  }
  await beginConversation(ctx, responseConversation, data);
});

employeeResponseFeature.use(conversationHandlers(responseConversation));
