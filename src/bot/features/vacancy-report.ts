import { Composer } from "telegraf";
import { z } from "zod";
import { vacancyAnswersSchema, vacancyDataSchema, type VacancyData } from "../conversations/report-data.ts";
import { DONE_STEP } from "../../domain/conversation-state.ts";
import { DomainError } from "../../domain/errors.ts";
import {
  firstOfMonth,
  pastDateAnswer,
  shortTextAnswer,
  wholeNumberAnswer,
} from "../../domain/report-answers.ts";
import { localDate } from "../../domain/time.ts";
import { vacancyData } from "../../messages/callback-data/vacancy.ts";
import { formatDay } from "../../messages/format.ts";
import { vacancyNoticeText, vacancyReasonLabel } from "../../messages/vacancy-text.ts";
import { listUnitRoles } from "../../use-cases/list-unit-roles.ts";
import {
  reportVacancy,
  VACANCY_MAX_COUNT,
  VACANCY_REASON_TEXT_MAX,
  VACANCY_REASONS,
} from "../../use-cases/report-vacancy.ts";
import type { BotContext, DbTx } from "../context.ts";
import { answer, beginConversation, cancelled, conversationHandlers } from "../conversations/engine.ts";
import { labelled, type ConversationSpec, type Move, type Turn } from "../conversations/engine.ts";
import { requireUnitHead } from "../conversations/unit-head.ts";

/** Lowongan: role → count → reason (→ free text) → since → summary with Kirim / Ubah / Batal. */
export const vacancyReportFeature = new Composer<BotContext>();

type Action = Parameters<typeof vacancyData.pack>[1];
type VacancyTurn = Turn<VacancyData>;

const today = (ctx: BotContext) => localDate(ctx.deps.clock.now(), ctx.deps.config.SCHEDULE_TIMEZONE);
const toSummary = (since: Date): Move<VacancyData> => ({ to: "summary", patch: { since: isoDay(since) } });
const isoDay = (day: Date) => day.toISOString().slice(0, 10);

function send({ ctx, head, unit, data }: VacancyTurn): Move<VacancyData> {
  const answers = vacancyAnswersSchema.parse(data);
  const effect = async (tx: DbTx) => {
    const { vacancy, notified } = await reportVacancy(tx, {
      ...answers,
      userId: head.userId,
      since: new Date(answers.since),
      now: ctx.deps.clock.now(),
      timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
      formatNotice: (n) => vacancyNoticeText(ctx.deps.config.DEFAULT_LOCALE, n),
    });
    const params = { id: vacancy.id, count: answers.count, role: answers.roleName, unit };
    return [notified ? "vacancy.sent" : "vacancy.sent_no_group", params] as const;
  };
  return { to: DONE_STEP, toast: "vacancy.sent_short", effect };
}

const vacancyConversation: ConversationSpec<VacancyData, Action> = {
  name: "vacancy",
  data: vacancyDataSchema,
  buttons: vacancyData,
  first: "role",
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
        say: ["vacancy.ask_count", { role: data.roleName ?? "", max: VACANCY_MAX_COUNT }],
      }),
      text: answer(
        wholeNumberAnswer(1, VACANCY_MAX_COUNT),
        "vacancy.count",
        (text) => ({ text, max: VACANCY_MAX_COUNT }),
        (_, count) => ({ to: "reason", patch: { count } }),
      ),
    },
    reason: {
      prompt: ({ ctx }) => ({
        say: ["vacancy.ask_reason"],
        buttons: labelled(
          ctx,
          VACANCY_REASONS.map((r) => [`vacancy.reason.${r}`, "reason", r] as const),
          2,
        ),
      }),
      actions: {
        reason: (_, value) => {
          const reason = z.enum(VACANCY_REASONS).safeParse(value);
          if (!reason.success) throw new DomainError("already_handled");
          const to = reason.data === "LAINNYA" ? "reason_text" : "since";
          return { to, patch: { reason: reason.data, reasonText: null } };
        },
      },
    },
    reason_text: {
      prompt: () => ({ say: ["vacancy.ask_reason_text", { max: VACANCY_REASON_TEXT_MAX }] }),
      text: answer(
        shortTextAnswer(1, VACANCY_REASON_TEXT_MAX),
        "vacancy.reason_text",
        (text) => ({ max: VACANCY_REASON_TEXT_MAX, length: text.trim().length }),
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
    summary: {
      prompt: ({ ctx, unit, data }) => {
        const { roleName: role, count, reason, reasonText, since } = vacancyAnswersSchema.parse(data);
        const params = { unit, role, count, since: formatDay(new Date(since)) };
        return {
          say: ["vacancy.summary", { ...params, reason: vacancyReasonLabel(ctx.locale, reason, reasonText) }],
          buttons: labelled(ctx, [
            ["button.send", "send"],
            ["button.edit", "edit"],
            ["button.cancel", "cancel"],
          ]),
        };
      },
      actions: { send, edit: () => ({ to: "role" }), cancel: () => cancelled },
    },
  },
};

export async function startVacancyReport(ctx: BotContext): Promise<void> {
  const head = requireUnitHead(ctx);
  const { unitRoles, catalogue } = await listUnitRoles(ctx.deps.db, { userId: head.userId });
  const roles = [...unitRoles, ...catalogue].map((r) => ({ id: r.id, name: r.name }));
  if (roles.length === 0) {
    await ctx.reply(ctx.t("unit_head.no_roles"), { parse_mode: "HTML" });
    return;
  }
  await beginConversation(ctx, vacancyConversation, { roles });
}

vacancyReportFeature.command(["lowongan", "vacancy"], startVacancyReport);
vacancyReportFeature.use(conversationHandlers(vacancyConversation));
