import { Composer } from "telegraf";
import { z } from "zod";
import { DONE_STEP } from "../../domain/conversation-state.ts";
import { DomainError } from "../../domain/errors.ts";
import { firstOfMonth, pastDateAnswer } from "../../domain/report-answers.ts";
import { shortTextAnswer, wholeNumberAnswer } from "../../domain/report-answers.ts";
import { localDate } from "../../domain/time.ts";
import { vacancyData } from "../../messages/callback-data/vacancy.ts";
import { vacancyNoticeText, vacancySummaryParams } from "../../messages/vacancy-text.ts";
import {
  listUnitRoles,
  reportVacancy,
  VACANCY_MAX_COUNT as MAX_COUNT,
  VACANCY_REASON_TEXT_MAX as REASON_MAX,
  VACANCY_REASONS as REASONS,
} from "../../use-cases/units/index.ts";
import type { BotContext, DbTx } from "../context.ts";
import { beginConversation, conversationHandlers } from "../conversations/engine.ts";
import {
  answer,
  labelled,
  summaryStep,
  type ConversationSpec,
  type Move,
  type Turn,
} from "../conversations/steps.ts";
import { vacancyAnswersSchema, vacancyDataSchema, type VacancyData } from "../conversations/report-data.ts";
import { requireUnitHead } from "../conversations/unit-head.ts";

/** Lowongan: role → count → reason (→ free text) → since → summary with Kirim / Ubah / Batal. */
export const vacancyReportFeature = new Composer<BotContext>();

type Action = Parameters<typeof vacancyData.pack>[1];
type VacancyTurn = Turn<VacancyData>;

const today = (ctx: BotContext) => localDate(ctx.deps.clock.now(), ctx.deps.config.SCHEDULE_TIMEZONE);
const toSummary = (since: Date): Move<VacancyData> => ({ to: "summary", patch: { since: isoDay(since) } });
const isoDay = (day: Date) => day.toISOString().slice(0, 10);

function send({ ctx, who, unit, data }: VacancyTurn): Move<VacancyData> {
  const answers = vacancyAnswersSchema.parse(data);
  const effect = async (tx: DbTx) => {
    const saved = await reportVacancy(tx, {
      ...answers,
      userId: who.userId,
      since: new Date(answers.since),
      now: ctx.deps.clock.now(),
      timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
      formatNotice: (n) => vacancyNoticeText(ctx.deps.config.DEFAULT_LOCALE, n),
    });
    const params = { id: saved.vacancy.id, count: answers.count, role: answers.roleName, unit };
    return [saved.notified ? "vacancy.sent" : "vacancy.sent_no_group", params] as const;
  };
  return { to: DONE_STEP, toast: "vacancy.sent_short", effect };
}

const vacancyConversation: ConversationSpec<VacancyData, Action> = {
  name: "vacancy",
  data: vacancyDataSchema,
  buttons: vacancyData,
  first: "role",
  identify: requireUnitHead,
  sent: { action: "send", already: "vacancy.already_sent" },
  steps: {
    role: {
      prompt: ({ unit, data }) => ({
        say: ["vacancy.ask_role", { unit }],
        buttons: data.roles.map((r) => [{ label: r.name, action: "role", value: r.id }]),
      }),
      actions: {
        role: ({ data }, value) => {
          const role = data.roles.find((r) => String(r.id) === value);
          if (!role) throw new DomainError("role_not_in_unit");
          return { to: "count", patch: { roleId: role.id, roleName: role.name } };
        },
      },
    },
    count: {
      prompt: ({ data }) => ({
        say: ["vacancy.ask_count", { role: data.roleName ?? "", max: MAX_COUNT }],
      }),
      text: answer(
        wholeNumberAnswer(1, MAX_COUNT),
        "vacancy.count",
        (text) => ({ text, max: MAX_COUNT }),
        (_, count) => ({ to: "reason", patch: { count } }),
      ),
    },
    reason: {
      prompt: ({ ctx }) => ({
        say: ["vacancy.ask_reason"],
        buttons: labelled(
          ctx,
          REASONS.map((r) => [`vacancy.reason.${r}`, "reason", r] as const),
          2,
        ),
      }),
      actions: {
        reason: (_, value) => {
          const reason = z.enum(REASONS).safeParse(value);
          if (!reason.success) throw new DomainError("already_handled");
          const to = reason.data === "LAINNYA" ? "reason_text" : "since";
          return { to, patch: { reason: reason.data, reasonText: null } };
        },
      },
    },
    reason_text: {
      prompt: () => ({ say: ["vacancy.ask_reason_text", { max: REASON_MAX }] }),
      text: answer(
        shortTextAnswer(1, REASON_MAX),
        "vacancy.reason_text",
        (text) => ({ max: REASON_MAX, length: text.trim().length }),
        (_, reasonText) => ({ to: "since", patch: { reasonText } }),
      ),
    },
    since: {
      prompt: ({ ctx }) => ({
        say: ["vacancy.ask_since"],
        buttons: labelled(ctx, [
          ["vacancy.since.this_month", "since", "this"],
          ["vacancy.since.last_month", "since", "last"],
        ]),
      }),
      text: answer(
        ({ ctx }: VacancyTurn) => pastDateAnswer(today(ctx)),
        "vacancy.since",
        (text) => ({ text }),
        (_, since) => toSummary(since),
      ),
      actions: { since: ({ ctx }, value) => toSummary(firstOfMonth(today(ctx), value === "last" ? 1 : 0)) },
    },
    summary: summaryStep(
      ({ ctx, unit, data }) => [
        "vacancy.summary",
        vacancySummaryParams(ctx.locale, unit, vacancyAnswersSchema.parse(data)),
      ],
      send,
      "role",
    ),
  },
};

export async function startVacancyReport(ctx: BotContext): Promise<void> {
  const head = requireUnitHead(ctx);
  const { unitRoles, catalogue } = await listUnitRoles(ctx.deps.db, { userId: head.userId });
  const roles = [...unitRoles, ...catalogue].map((r) => ({ id: r.id, name: r.name }));
  if (roles.length === 0) {
    await ctx.reply(ctx.t("unit_head.no_roles"));
    return;
  }
  await beginConversation(ctx, vacancyConversation, { roles });
}

vacancyReportFeature.command(["lowongan", "vacancy"], startVacancyReport);
vacancyReportFeature.use(conversationHandlers(vacancyConversation));
