import { Composer } from "telegraf";
import { DomainError } from "../../domain/errors.ts";
import { parseShortText } from "../../domain/report-answers.ts";
import { listUnitStaff } from "../../use-cases/list-unit-staff.ts";
import {
  OBJECTION_REASON_MAX,
  OBJECTION_REASON_MIN,
  recordObjection,
} from "../../use-cases/record-objection.ts";
import { withdrawObjection } from "../../use-cases/withdraw-objection.ts";
import { objectionData } from "../../messages/callback-data/staff-objection.ts";
import type { BotContext, ConversationState } from "../context.ts";
import { advance, classifyPress, isCommand, openConversation, touch } from "../conversations/conversation.ts";
import { requireUnitHead } from "../conversations/unit-head.ts";

/** Objections recorded or withdrawn per person, from the buttons of the staff list (staff-list.ts). */
export const staffFeature = new Composer<BotContext>();

const NAME = "staff";

function staffQuery(ctx: BotContext, userId: number) {
  return listUnitStaff(ctx.deps.db, {
    userId,
    now: ctx.deps.clock.now(),
    timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
  });
}

staffFeature.action(objectionData.pattern, async (ctx) => {
  const press = "data" in ctx.callbackQuery ? objectionData.unpack(ctx.callbackQuery.data) : null;
  const found = press ? classifyPress(ctx, NAME, press.nonce) : ({ kind: "stale" } as const);
  if (!press || found.kind !== "open") {
    await ctx.answerCbQuery(ctx.t("conversation.stale"));
    return;
  }
  const head = requireUnitHead(ctx);
  const employeeId = Number(press.value);
  if (press.action === "withdraw") {
    const { name } = await ctx.transact(async (tx) => {
      const withdrawn = await withdrawObjection(tx, { userId: head.userId, employeeId });
      advance(ctx, found.state, "list", { passive: true, employeeId: undefined, name: undefined });
      return withdrawn;
    });
    await ctx.answerCbQuery();
    await ctx.reply(ctx.t("staff.withdrawn", { name }), { parse_mode: "HTML" });
    return;
  }
  // Re-checked here, before the question names anyone: another unit's person is refused outright.
  const { staff } = await staffQuery(ctx, head.userId);
  const person = staff.find((p) => p.id === employeeId);
  if (!person) throw new DomainError("employee_not_in_unit");
  await ctx.answerCbQuery();
  const state = advance(ctx, found.state, "reason", {
    passive: false,
    employeeId: person.id,
    name: person.name,
  });
  await askReason(ctx, state);
});

async function askReason(ctx: BotContext, state: ConversationState): Promise<void> {
  await ctx.reply(
    ctx.t("staff.ask_reason", {
      name: String(state.data.name ?? ""),
      min: OBJECTION_REASON_MIN,
      max: OBJECTION_REASON_MAX,
    }),
    {
      parse_mode: "HTML",
    },
  );
}

staffFeature.on("text", async (ctx, next) => {
  const state = openConversation(ctx, NAME);
  if (!state || state.step !== "reason" || isCommand(ctx)) return next();
  const head = requireUnitHead(ctx);
  const reason = parseShortText(ctx.message.text, OBJECTION_REASON_MIN, OBJECTION_REASON_MAX);
  if (!reason.ok) {
    touch(ctx, state);
    await ctx.reply(
      ctx.t(`staff.reason_text.${reason.problem}`, { min: OBJECTION_REASON_MIN, max: OBJECTION_REASON_MAX }),
      { parse_mode: "HTML" },
    );
    await askReason(ctx, state);
    return;
  }
  const { name } = await ctx.transact(async (tx) => {
    const recorded = await recordObjection(tx, {
      userId: head.userId,
      employeeId: Number(state.data.employeeId),
      reason: reason.value,
      now: ctx.deps.clock.now(),
    });
    advance(ctx, state, "list", { passive: true, employeeId: undefined, name: undefined });
    return recorded;
  });
  await ctx.reply(ctx.t("staff.recorded", { name, reason: reason.value }), { parse_mode: "HTML" });
});
