import { Composer } from "telegraf";
import { z } from "zod";
import { DomainError } from "../../domain/errors.ts";
import { shortTextAnswer } from "../../domain/report-answers.ts";
import { listUnitStaff } from "../../use-cases/units/index.ts";
import {
  OBJECTION_REASON_MAX,
  OBJECTION_REASON_MIN,
  recordObjection,
  withdrawObjection,
} from "../../use-cases/proposals/index.ts";
import { objectionData } from "../../messages/callback-data/staff-objection.ts";
import type { BotContext } from "../context.ts";
import { requireUnitHead } from "../conversations/unit-head.ts";
import { conversationHandlers } from "../conversations/engine.ts";
import { answer, type ConversationSpec, type Step, type Turn } from "../conversations/steps.ts";

/** Objections to a transfer, recorded or withdrawn per person from the staff list (features/staff-list.ts). */
export const staffFeature = new Composer<BotContext>();

const NAME = "staff";

function staffQuery(ctx: BotContext, userId: number) {
  return listUnitStaff(ctx.deps.db, {
    userId,
    now: ctx.deps.clock.now(),
    timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
  });
}

/** After a press on the list: whom the objection is for; back on the list, nothing is waited for. */
const objectionDataSchema = z.object({
  passive: z.boolean().optional(),
  employeeId: z.number().int().optional(),
  name: z.string().optional(),
});
type ObjectionData = z.infer<typeof objectionDataSchema>;
const backToList = { passive: true, employeeId: undefined, name: undefined };

const listButtons: Step<ObjectionData, "record" | "withdraw">["actions"] = {
  // Re-checked here, before the question names anyone: another unit's person is refused outright.
  record: async ({ ctx, who }, value) => {
    const { staff } = await staffQuery(ctx, who.userId);
    const person = staff.find((p) => String(p.id) === value);
    if (!person) throw new DomainError("employee_not_in_unit");
    return { to: "reason", patch: { passive: false, employeeId: person.id, name: person.name } };
  },
  withdraw: ({ who }, value) => ({
    to: "list",
    patch: backToList,
    effect: async (tx) => {
      const { name } = await withdrawObjection(tx, { userId: who.userId, employeeId: Number(value) });
      return ["staff.withdrawn", { name }];
    },
  }),
};

const bounds = { min: OBJECTION_REASON_MIN, max: OBJECTION_REASON_MAX };

/** Started by the list (step "list"); a record button asks for the reason, then back to the list. */
const objectionConversation: ConversationSpec<ObjectionData, "record" | "withdraw"> = {
  name: NAME,
  data: objectionDataSchema,
  buttons: objectionData,
  first: "list",
  identify: requireUnitHead,
  keepKeyboards: true,
  steps: {
    list: { actions: listButtons },
    reason: {
      prompt: ({ data }) => ({ say: ["staff.ask_reason", { name: data.name ?? "", ...bounds }] }),
      text: answer(
        shortTextAnswer(OBJECTION_REASON_MIN, OBJECTION_REASON_MAX),
        "staff.reason_text",
        () => bounds,
        ({ ctx, who, data }: Turn<ObjectionData>, reason) => ({
          to: "list",
          patch: backToList,
          effect: async (tx) => {
            const employeeId = Number(data.employeeId);
            const input = { userId: who.userId, employeeId, reason, now: ctx.deps.clock.now() };
            const { name } = await recordObjection(tx, input, {
              locale: ctx.deps.config.DEFAULT_LOCALE,
              timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
            });
            return ["staff.recorded", { name, reason }];
          },
        }),
      ),
      actions: listButtons,
    },
  },
};

staffFeature.use(conversationHandlers(objectionConversation));
