import { Composer } from "telegraf";
import { DONE_STEP } from "../../domain/conversation-state.ts";
import { DomainError } from "../../domain/errors.ts";
import { decimalAnswer, wholeNumberAnswer } from "../../domain/report-answers.ts";
import { periodOf } from "../../domain/time.ts";
import { hoursFromRombel } from "../../domain/workload.ts";
import { previewWorkload } from "../../domain/workload-preview.ts";
import { workloadData } from "../../messages/callback-data/workload.ts";
import { hoursUnitOf } from "../../messages/format.ts";
import { workloadSummaryLines } from "../../messages/workload-text.ts";
import {
  listUnitRoles,
  reportWorkload,
  ROMBEL_MAX,
  WORKLOAD_MAX_HOURS,
} from "../../use-cases/units/index.ts";
import type { BotContext, DbTx } from "../context.ts";
import { beginConversation, conversationHandlers } from "../conversations/engine.ts";
import {
  answer,
  cancelled,
  inRows,
  labelled,
  type ConversationSpec,
  type Move,
  type Turn,
} from "../conversations/steps.ts";
import { workloadDataSchema, type WorkloadAction, type WorkloadData } from "../conversations/report-data.ts";
import { staffHoursSteps, staffOf } from "../conversations/staff-hours-steps.ts";
import { requireUnitHead } from "../conversations/unit-head.ts";

/**
 * Beban kerja for this period: per role the weekly hours needed (teachers may count rombel),
 * optionally the staff's actual hours, then the load ratio and ABK band per role before saving.
 */
export const workloadReportFeature = new Composer<BotContext>();

type WorkloadTurn = Turn<WorkloadData>;

const currentRole = ({ data }: WorkloadTurn) => data.roles[data.index]!;

/** JP or jam; a conversation begun before the unit was kept has it from the rombel helper. */
const unitOfRole = (role: WorkloadData["roles"][number]): "JP" | "jam" =>
  role.hoursUnit ?? (role.hoursPerRombel === null ? "jam" : "JP");

/** The role's need is known: the next role, or the staff question after the last one. */
function afterNeed(turn: WorkloadTurn, hours: number, rombel: number | null): Move<WorkloadData> {
  const { data } = turn;
  const needs = { ...data.needs, [currentRole(turn).id]: { hours, rombel } };
  const index = data.index + 1;
  return { to: index < data.roles.length ? "need" : "staff", patch: { needs, index } };
}

const rombelAnswer = answer(
  wholeNumberAnswer(1, ROMBEL_MAX),
  "workload.rombel",
  (text) => ({ text, max: ROMBEL_MAX }),
  (turn: WorkloadTurn, rombel): Move<WorkloadData> => {
    const { name: role, hoursPerRombel: per } = currentRole(turn);
    if (per === null) throw new DomainError("already_handled");
    const jp = hoursFromRombel(rombel, per);
    return { ...afterNeed(turn, jp, rombel), say: ["workload.rombel_done", { rombel, per, jp, role }] };
  },
);

function send({ who, unit, data }: WorkloadTurn): Move<WorkloadData> {
  const roles = data.roles.map((r) => {
    const need = data.needs[r.id];
    return { roleId: r.id, hoursNeeded: need?.hours ?? 0, rombel: need?.rombel ?? null };
  });
  const staff = Object.entries(data.actual).map(([id, hours]) => ({ employeeId: Number(id), hours }));
  const effect = async (tx: DbTx) => {
    await reportWorkload(tx, { userId: who.userId, period: data.period, roles, staffHours: staff });
    return ["workload.sent", { unit, period: data.period, roles: roles.length }] as const;
  };
  return { to: DONE_STEP, toast: "workload.sent_short", effect };
}

const workloadConversation: ConversationSpec<WorkloadData, WorkloadAction> = {
  name: "workload",
  data: workloadDataSchema,
  buttons: workloadData,
  first: "need",
  identify: requireUnitHead,
  sent: { action: "send", already: "workload.already_sent" },
  steps: {
    need: {
      prompt: (turn) => {
        const { ctx, unit, data } = turn;
        const current = currentRole(turn);
        const { name: role, hoursPerRombel: per } = current;
        const params = { unit, period: data.period, n: data.index + 1, total: data.roles.length, role };
        // A teaching role with no JP per rombel set is still counted in JP, without the helper.
        const plain = unitOfRole(current) === "JP" ? "workload.ask_need_jp" : "workload.ask_need";
        if (per === null) return { say: [plain, { ...params, max: WORKLOAD_MAX_HOURS }] };
        const say = ["workload.ask_need_teacher", { ...params, max: WORKLOAD_MAX_HOURS, per }] as const;
        // The rombel counted for an earlier role is offered again: a school has one number of classes (issue 25).
        const earlier = Object.values(data.needs).findLast((need) => need.rombel !== null)?.rombel ?? null;
        const again =
          earlier === null
            ? []
            : [
                [
                  {
                    label: ctx.t("workload.button.same_rombel", {
                      rombel: earlier,
                      jp: hoursFromRombel(earlier, per),
                    }),
                    action: "rombeln" as const,
                    value: earlier,
                  },
                ],
              ];
        return { say, buttons: [...again, ...labelled(ctx, [["workload.button.rombel", "rombel"]])] };
      },
      text: answer(
        decimalAnswer(0, WORKLOAD_MAX_HOURS),
        "workload.need",
        (text) => ({ text, max: WORKLOAD_MAX_HOURS }),
        (turn: WorkloadTurn, hours) => afterNeed(turn, hours, null),
      ),
      actions: {
        rombel: (turn) => {
          if (currentRole(turn).hoursPerRombel === null) throw new DomainError("already_handled");
          return { to: "rombel" };
        },
        // The earlier role's rombel count, taken as it is.
        rombeln: rombelAnswer,
      },
    },
    rombel: {
      prompt: (turn) => ({
        say: ["workload.ask_rombel", { role: currentRole(turn).name, max: ROMBEL_MAX }],
        buttons: inRows(
          6,
          Array.from({ length: 12 }, (_, i) => ({ label: String(i + 1), action: "rombeln", value: i + 1 })),
        ),
      }),
      text: rombelAnswer,
      actions: { rombeln: rombelAnswer },
    },
    ...staffHoursSteps,
    summary: {
      prompt: async (turn) => {
        const { ctx, unit, data } = turn;
        const needs = data.roles.map((r) => ({ roleId: r.id, hoursNeeded: data.needs[r.id]?.hours ?? 0 }));
        const staff = (await staffOf(turn)).map((s) => ({ ...s, active: s.status === "AKTIF" }));
        const preview = previewWorkload(needs, staff, data.actual);
        const roles = data.roles.map((r) => ({ ...r, hoursUnit: unitOfRole(r) }));
        const lines = workloadSummaryLines(ctx.locale, preview, roles);
        const changed = Object.keys(data.actual).length;
        const staffLine =
          changed > 0
            ? ctx.t("workload.summary_staff", { count: changed })
            : ctx.t("workload.summary_no_staff");
        return {
          say: ["workload.summary", { unit, period: data.period, lines, staff: staffLine }],
          buttons: labelled(ctx, [
            ["button.send", "send"],
            ["button.cancel", "cancel"],
          ]),
        };
      },
      actions: { send, cancel: () => cancelled },
    },
  },
};

export async function startWorkloadReport(ctx: BotContext): Promise<void> {
  const head = requireUnitHead(ctx);
  const { unitRoles, catalogue } = await listUnitRoles(ctx.deps.db, { userId: head.userId });
  // A unit with nothing recorded yet reports against the agency's roles.
  const roles = (unitRoles.length > 0 ? unitRoles : catalogue).map((r) => ({
    id: r.id,
    name: r.name,
    hoursPerRombel: r.isTeacher && r.hoursPerRombel ? r.hoursPerRombel : null,
    hoursUnit: hoursUnitOf(r),
  }));
  if (roles.length === 0) {
    await ctx.reply(ctx.t("unit_head.no_roles"));
    return;
  }
  const period = periodOf(ctx.deps.clock.now(), ctx.deps.config.SCHEDULE_TIMEZONE);
  await beginConversation(ctx, workloadConversation, { period, roles, index: 0, needs: {}, actual: {} });
}

workloadReportFeature.command(["beban", "load"], startWorkloadReport);
workloadReportFeature.use(conversationHandlers(workloadConversation));
