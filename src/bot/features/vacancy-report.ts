import { Composer, Markup } from "telegraf";
import { z } from "zod";
import { DomainError } from "../../domain/errors.ts";
import {
  firstOfMonth,
  parsePastDate,
  parseShortText,
  parseWholeNumber,
} from "../../domain/report-answers.ts";
import { localDate } from "../../domain/time.ts";
import { listUnitRoles } from "../../use-cases/list-unit-roles.ts";
import {
  reportVacancy,
  VACANCY_MAX_COUNT,
  VACANCY_REASON_TEXT_MAX,
  VACANCY_REASONS,
  type VacancyNotice,
} from "../../use-cases/report-vacancy.ts";
import { vacancyData } from "../../messages/callback-data/vacancy.ts";
import type { BotContext, ConversationState } from "../context.ts";
import {
  advance,
  classifyPress,
  endConversation,
  finishConversation,
  isCommand,
  openConversation,
  startConversation,
  touch,
} from "../conversations/conversation.ts";
import { formatDay } from "../../messages/format.ts";
import { requireUnitHead } from "../conversations/unit-head.ts";
import { translate, type TextKey } from "../../messages/locales/index.ts";
import { AlreadyProcessedError } from "../middleware/update-once.ts";

/** Lowongan: role → count → reason (→ free text) → since → summary with Kirim / Ubah / Batal. */
export const vacancyReportFeature = new Composer<BotContext>();

const NAME = "vacancy";

const answersSchema = z.object({
  roleId: z.number().int().positive(),
  roleName: z.string(),
  count: z.number().int().min(1).max(VACANCY_MAX_COUNT),
  reason: z.enum(VACANCY_REASONS),
  reasonText: z.string().max(VACANCY_REASON_TEXT_MAX).nullable(),
  since: z.iso.date(),
});
type Answers = z.infer<typeof answersSchema>;

const reasonKey = (reason: Answers["reason"]): TextKey => `vacancy.reason.${reason}`;

export async function startVacancyReport(ctx: BotContext): Promise<void> {
  requireUnitHead(ctx);
  await ask(ctx, startConversation(ctx, NAME, "role"));
}

vacancyReportFeature.command(["lowongan", "vacancy"], startVacancyReport);

async function ask(ctx: BotContext, state: ConversationState): Promise<void> {
  const { nonce } = state;
  const data = state.data as Partial<Answers>;
  const html = { parse_mode: "HTML" as const };
  switch (state.step) {
    case "role": {
      const head = requireUnitHead(ctx);
      const roles = await listUnitRoles(ctx.deps.db, { userId: head.userId });
      const all = [...roles.unitRoles, ...roles.catalogue];
      if (all.length === 0) {
        endConversation(ctx);
        await ctx.reply(ctx.t("unit_head.no_roles"), html);
        return;
      }
      const buttons = all.map((r) => [Markup.button.callback(r.name, vacancyData.pack(nonce, "role", r.id))]);
      await ctx.reply(ctx.t("vacancy.ask_role", { unit: ctx.user?.unit?.name ?? "" }), {
        ...html,
        ...Markup.inlineKeyboard(buttons),
      });
      return;
    }
    case "count":
      await ctx.reply(
        ctx.t("vacancy.ask_count", { role: data.roleName ?? "", max: VACANCY_MAX_COUNT }),
        html,
      );
      return;
    case "reason": {
      const buttons = VACANCY_REASONS.map((r) =>
        Markup.button.callback(ctx.t(reasonKey(r)), vacancyData.pack(nonce, "reason", r)),
      );
      await ctx.reply(ctx.t("vacancy.ask_reason"), {
        ...html,
        ...Markup.inlineKeyboard(buttons, { columns: 2 }),
      });
      return;
    }
    case "reason_text":
      await ctx.reply(ctx.t("vacancy.ask_reason_text", { max: VACANCY_REASON_TEXT_MAX }), html);
      return;
    case "since":
      await ctx.reply(ctx.t("vacancy.ask_since"), {
        ...html,
        ...Markup.inlineKeyboard([
          Markup.button.callback(ctx.t("vacancy.since.this_month"), vacancyData.pack(nonce, "since", "this")),
          Markup.button.callback(ctx.t("vacancy.since.last_month"), vacancyData.pack(nonce, "since", "last")),
        ]),
      });
      return;
    case "summary": {
      const answers = answersSchema.parse(data);
      const reason =
        ctx.t(reasonKey(answers.reason)) + (answers.reasonText ? ` — ${answers.reasonText}` : "");
      await ctx.reply(
        ctx.t("vacancy.summary", {
          unit: ctx.user?.unit?.name ?? "",
          role: answers.roleName,
          count: answers.count,
          reason,
          since: formatDay(new Date(answers.since)),
        }),
        {
          ...html,
          ...Markup.inlineKeyboard([
            Markup.button.callback(ctx.t("button.send"), vacancyData.pack(nonce, "send")),
            Markup.button.callback(ctx.t("button.edit"), vacancyData.pack(nonce, "edit")),
            Markup.button.callback(ctx.t("button.cancel"), vacancyData.pack(nonce, "cancel")),
          ]),
        },
      );
      return;
    }
  }
}

/** A wrong answer: say exactly what is wrong, then the same question again. */
async function retry(
  ctx: BotContext,
  state: ConversationState,
  key: TextKey,
  params: Record<string, string | number> = {},
) {
  touch(ctx, state);
  await ctx.reply(ctx.t(key, params), { parse_mode: "HTML" });
  await ask(ctx, state);
}

function today(ctx: BotContext): Date {
  return localDate(ctx.deps.clock.now(), ctx.deps.config.SCHEDULE_TIMEZONE);
}

vacancyReportFeature.on("text", async (ctx, next) => {
  const state = openConversation(ctx, NAME);
  if (!state || isCommand(ctx)) return next();
  requireUnitHead(ctx);
  const text = ctx.message.text;
  switch (state.step) {
    case "count": {
      const count = parseWholeNumber(text, 1, VACANCY_MAX_COUNT);
      if (!count.ok)
        return retry(ctx, state, `vacancy.count.${count.problem}`, { text, max: VACANCY_MAX_COUNT });
      return ask(ctx, advance(ctx, state, "reason", { count: count.value }));
    }
    case "reason_text": {
      const reason = parseShortText(text, 1, VACANCY_REASON_TEXT_MAX);
      if (!reason.ok)
        return retry(ctx, state, `vacancy.reason_text.${reason.problem}`, {
          max: VACANCY_REASON_TEXT_MAX,
          length: text.trim().length,
        });
      return ask(ctx, advance(ctx, state, "since", { reasonText: reason.value }));
    }
    case "since": {
      const since = parsePastDate(text, today(ctx));
      if (!since.ok) return retry(ctx, state, `vacancy.since.${since.problem}`, { text });
      return ask(ctx, advance(ctx, state, "summary", { since: since.value.toISOString().slice(0, 10) }));
    }
    default:
      return retry(ctx, state, "conversation.use_buttons");
  }
});

const stepOfAction = {
  role: "role",
  reason: "reason",
  since: "since",
  send: "summary",
  edit: "summary",
  cancel: "summary",
} as const;

vacancyReportFeature.action(vacancyData.pattern, async (ctx) => {
  const press = "data" in ctx.callbackQuery ? vacancyData.unpack(ctx.callbackQuery.data) : null;
  const found = press ? classifyPress(ctx, NAME, press.nonce) : ({ kind: "stale" } as const);
  if (
    !press ||
    found.kind === "stale" ||
    (found.kind === "open" && found.state.step !== stepOfAction[press.action])
  ) {
    await ctx.answerCbQuery(ctx.t("conversation.stale"));
    return;
  }
  if (found.kind === "done") {
    await ctx.answerCbQuery(ctx.t(press.action === "send" ? "vacancy.already_sent" : "conversation.stale"));
    return;
  }
  const head = requireUnitHead(ctx);
  const state = found.state;
  // The keyboard is answered: take it away so an old question is not pressed again.
  await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
  switch (press.action) {
    case "role": {
      const roles = await listUnitRoles(ctx.deps.db, { userId: head.userId });
      const role = [...roles.unitRoles, ...roles.catalogue].find((r) => String(r.id) === press.value);
      if (!role) throw new DomainError("role_not_in_unit");
      await ctx.answerCbQuery();
      return ask(ctx, advance(ctx, state, "count", { roleId: role.id, roleName: role.name }));
    }
    case "reason": {
      const reason = z.enum(VACANCY_REASONS).safeParse(press.value);
      if (!reason.success) throw new DomainError("already_handled");
      await ctx.answerCbQuery();
      const step = reason.data === "LAINNYA" ? "reason_text" : "since";
      return ask(ctx, advance(ctx, state, step, { reason: reason.data, reasonText: null }));
    }
    case "since": {
      const since = firstOfMonth(today(ctx), press.value === "last" ? 1 : 0);
      await ctx.answerCbQuery();
      return ask(ctx, advance(ctx, state, "summary", { since: since.toISOString().slice(0, 10) }));
    }
    case "edit":
      await ctx.answerCbQuery();
      return ask(ctx, advance(ctx, state, "role"));
    case "cancel":
      endConversation(ctx);
      await ctx.answerCbQuery();
      await ctx.reply(ctx.t("conversation.cancelled"));
      return;
    case "send":
      return send(ctx, state, head.userId);
  }
});

async function send(ctx: BotContext, state: ConversationState, userId: number): Promise<void> {
  const answers = answersSchema.parse(state.data);
  const groupLocale = ctx.deps.config.DEFAULT_LOCALE;
  const formatNotice = (n: VacancyNotice) =>
    translate(groupLocale, "vacancy.hr_notice", {
      unit: n.unitName,
      role: n.roleName,
      count: n.count,
      reason: translate(groupLocale, reasonKey(n.reason)) + (n.reasonText ? ` — ${n.reasonText}` : ""),
      since: formatDay(n.since),
      reporter: n.reporterName,
    });
  let result;
  try {
    result = await ctx.transact(async (tx) => {
      const saved = await reportVacancy(tx, {
        userId,
        roleId: answers.roleId,
        count: answers.count,
        reason: answers.reason,
        reasonText: answers.reason === "LAINNYA" ? answers.reasonText : null,
        since: new Date(answers.since),
        now: ctx.deps.clock.now(),
        timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
        formatNotice,
      });
      finishConversation(ctx, state, { vacancyId: saved.vacancy.id });
      return saved;
    });
  } catch (error) {
    // Two presses at once: the other one saved the vacancy and moved the session on first.
    if (error instanceof AlreadyProcessedError) {
      await ctx.answerCbQuery(ctx.t("vacancy.already_sent"));
      return;
    }
    throw error;
  }
  await ctx.answerCbQuery(ctx.t("vacancy.sent_short"));
  await ctx.reply(
    ctx.t(result.notified ? "vacancy.sent" : "vacancy.sent_no_group", {
      id: result.vacancy.id,
      count: answers.count,
      role: answers.roleName,
      unit: ctx.user?.unit?.name ?? "",
    }),
    { parse_mode: "HTML" },
  );
}
