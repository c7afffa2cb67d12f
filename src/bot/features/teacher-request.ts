import { Composer } from "telegraf";
import { z } from "zod";
import { DONE_STEP } from "../../domain/conversation-state.ts";
import { DomainError } from "../../domain/errors.ts";
import { shortTextAnswer, wholeNumberAnswer } from "../../domain/report-answers.ts";
import { formatDate, localDate } from "../../domain/time.ts";
import { teacherRequestData } from "../../messages/callback-data/teacher-request.ts";
import { teacherRequestText } from "../../messages/teacher-request-text.ts";
import {
  REQUEST_MAX_HOURS,
  REQUEST_REASON_MAX,
  requestTeachers,
  teacherRequestChoices,
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
import { requireUnitHead } from "../conversations/unit-head.ts";

/**
 * /mintaguru (/requestteachers): the head of a private school asks for ASN teachers (Permendikdasmen
 * 1/2025): the role, the JP a week, since when, why, and the school's operating permit; the summary
 * is sent with Kirim, and the agency's HR group (the Tim Pertimbangan) is told.
 */
export const teacherRequestFeature = new Composer<BotContext>();

type Action = Parameters<typeof teacherRequestData.pack>[1];

const REASONS = ["rombel", "moved", "other"] as const;

const dataSchema = z.object({
  roles: z.array(z.object({ id: z.number(), name: z.string() })),
  npsn: z.string().nullable(),
  roleId: z.number().optional(),
  roleName: z.string().optional(),
  hours: z.number().optional(),
  since: z.iso.date().optional(),
  reason: z.string().optional(),
  permit: z.string().optional(),
});
type RequestData = z.infer<typeof dataSchema>;
type RequestTurn = Turn<RequestData>;

const today = (ctx: BotContext) => localDate(ctx.deps.clock.now(), ctx.deps.config.SCHEDULE_TIMEZONE);
const monthStart = (day: Date, ahead: 0 | 1) =>
  new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + ahead, 1));

function send({ ctx, who, data }: RequestTurn): Move<RequestData> {
  const { roleId, hours, since, reason, permit } = data;
  if (roleId === undefined || hours === undefined || !since || !reason || !permit)
    throw new DomainError("already_handled");
  const effect = async (tx: DbTx) => {
    const saved = await requestTeachers(tx, {
      unitId: who.unitId,
      roleId,
      hours,
      since: new Date(since),
      reason,
      permitNumber: permit,
      npsn: data.npsn,
      initiative: false,
      actor: { userId: who.userId, name: ctx.user?.name ?? "" },
      formatNotice: (n) => teacherRequestText(ctx.deps.config.DEFAULT_LOCALE, n),
    });
    return [
      saved.notified ? "request.sent" : "request.sent_no_group",
      { id: String(saved.request.id) },
    ] as const;
  };
  return { to: DONE_STEP, toast: "request.sent_short", effect };
}

const requestConversation: ConversationSpec<RequestData, Action> = {
  name: "teacher-request",
  data: dataSchema,
  buttons: teacherRequestData,
  first: "role",
  identify: requireUnitHead,
  sent: { action: "send", already: "request.already_sent" },
  steps: {
    role: {
      prompt: ({ unit, data }) => ({
        say: ["request.ask_role", { unit }],
        buttons: data.roles.map((r) => [{ label: r.name, action: "role", value: r.id }]),
      }),
      actions: {
        role: ({ data }, value) => {
          const role = data.roles.find((r) => String(r.id) === value);
          if (!role) throw new DomainError("already_handled");
          return { to: "hours", patch: { roleId: role.id, roleName: role.name } };
        },
      },
    },
    hours: {
      prompt: ({ data }) => ({
        say: ["request.ask_hours", { role: data.roleName ?? "", max: REQUEST_MAX_HOURS }],
      }),
      text: answer(
        wholeNumberAnswer(1, REQUEST_MAX_HOURS),
        "request.hours",
        (text) => ({ text, max: REQUEST_MAX_HOURS }),
        (_, hours) => ({ to: "since", patch: { hours } }),
      ),
    },
    since: {
      prompt: ({ ctx }) => ({
        say: ["request.ask_since"],
        buttons: labelled(ctx, [
          ["request.since.this_month", "since", "this"],
          ["request.since.next_month", "since", "next"],
        ]),
      }),
      actions: {
        since: ({ ctx }, value) => ({
          to: "reason",
          patch: {
            since: monthStart(today(ctx), value === "next" ? 1 : 0)
              .toISOString()
              .slice(0, 10),
          },
        }),
      },
    },
    reason: {
      prompt: ({ ctx }) => ({
        say: ["request.ask_reason"],
        buttons: labelled(
          ctx,
          REASONS.map((r) => [`request.reason.${r}`, "reason", r] as const),
          1,
        ),
      }),
      text: answer(
        shortTextAnswer(3, REQUEST_REASON_MAX),
        "request.reason_text",
        (text) => ({ max: REQUEST_REASON_MAX, length: text.trim().length }),
        (_, reason) => ({ to: "permit", patch: { reason } }),
      ),
      actions: {
        reason: ({ ctx }, value) => {
          const reason = z.enum(REASONS).safeParse(value);
          if (!reason.success) throw new DomainError("already_handled");
          if (reason.data === "other") return { to: "reason_text" };
          return { to: "permit", patch: { reason: ctx.t(`request.reason.${reason.data}`) } };
        },
      },
    },
    reason_text: {
      prompt: () => ({ say: ["request.ask_reason_text"] }),
      text: answer(
        shortTextAnswer(3, REQUEST_REASON_MAX),
        "request.reason_text",
        (text) => ({ max: REQUEST_REASON_MAX, length: text.trim().length }),
        (_, reason) => ({ to: "permit", patch: { reason } }),
      ),
    },
    permit: {
      prompt: ({ data }) => ({ say: ["request.ask_permit", { npsn: data.npsn ?? "—" }] }),
      text: answer(
        shortTextAnswer(3, 100),
        "request.permit",
        (text) => ({ max: 100, length: text.trim().length }),
        (_, permit) => ({ to: "summary", patch: { permit } }),
      ),
    },
    summary: summaryStep(
      ({ unit, data }) => [
        "request.summary",
        {
          unit,
          npsn: data.npsn ?? "—",
          role: data.roleName ?? "",
          hours: data.hours ?? 0,
          since: data.since ? formatDate(new Date(data.since), "UTC") : "",
          reason: data.reason ?? "",
          permit: data.permit ?? "",
        },
      ],
      send,
      "role",
    ),
  },
};

teacherRequestFeature.command(["mintaguru", "requestteachers"], async (ctx) => {
  const head = requireUnitHead(ctx);
  const { unit, roles } = await teacherRequestChoices(ctx.deps.db, { userId: head.userId });
  await beginConversation(ctx, requestConversation, { roles, npsn: unit.npsn });
});
teacherRequestFeature.use(conversationHandlers(requestConversation));
