import { Composer } from "telegraf";
import { z } from "zod";
import {
  MAX_PREFERENCES,
  resolveDestination,
  samePreference,
  splitDestinations,
  STATEMENT_NOTE_MAX,
  UNWILLING_REASONS,
  unwillingReasonSchema,
  type Preference,
  type StatementChange,
} from "../../domain/employee-statement.ts";
import { shortTextAnswer } from "../../domain/report-answers.ts";
import { loadDestinationUnits } from "../../db/employee-statements.ts";
import { statementData } from "../../messages/callback-data/employee-statement.ts";
import { preferencesParam, renderMyRecord } from "../../messages/employee-record.ts";
import { Html } from "../../messages/locales/index.ts";
import { getMyRecord } from "../../use-cases/accounts/index.ts";
import { recordStatement } from "../../use-cases/notices/index.ts";
import type { BotContext } from "../context.ts";
import { requireEmployee } from "../conversations/employee.ts";
import { beginConversation, conversationHandlers } from "../conversations/engine.ts";
import {
  answer,
  labelled,
  type ConversationSpec,
  type Move,
  type Say,
  type Turn,
} from "../conversations/steps.ts";

/**
 * /saya (/me): the person's own record and what they say about a move — willing, not willing (a
 * reason and a note), where they could go. Each answer is saved at once and ends the conversation,
 * so a second press of an answered card is stale rather than a second answer.
 */
export const meFeature = new Composer<BotContext>();

type Action = "willing" | "unwilling" | "prefs" | "clear" | "reason" | "nonote";

const meData = z.object({
  passive: z.boolean().optional(),
  reason: unwillingReasonSchema.optional(),
});
type MeData = z.infer<typeof meData>;

function save(turn: Turn<MeData>, change: StatementChange, said: Say): Move<MeData> {
  return {
    to: null,
    toast: "me.toast.saved",
    effect: async (tx) => {
      await recordStatement(tx, { userId: turn.who.userId, change, now: turn.ctx.deps.clock.now() });
      return said;
    },
  };
}

function unwilling(turn: Turn<MeData>, note: string | null): Move<MeData> {
  const reason = turn.data.reason ?? "LAINNYA";
  const label = turn.ctx.t(`statement.reason.${reason}`);
  return save(turn, { kind: "unwilling", reason, note }, ["me.saved.unwilling", { reason: label }]);
}

/** Reads up to three typed destinations; the first one that is unknown, ambiguous or the person's own unit is named. */
async function destinations(turn: Turn<MeData>, text: string) {
  const parts = splitDestinations(text);
  if (parts.length > MAX_PREFERENCES)
    return { retry: ["me.preferences.too_many", { max: MAX_PREFERENCES, count: parts.length }] as Say };
  const { employee } = await getMyRecord(turn.ctx.deps.db, { userId: turn.who.userId });
  const units = await loadDestinationUnits(turn.ctx.deps.db, employee.unit.agencyId);
  const chosen: Preference[] = [];
  for (const part of parts) {
    const found = resolveDestination(part, units);
    if (!found.ok && found.problem === "unknown")
      return { retry: ["me.preferences.unknown", { text: part }] as Say };
    if (!found.ok)
      return {
        retry: ["me.preferences.ambiguous", { text: part, candidates: found.candidates.join("; ") }] as Say,
      };
    if (found.preference.kind === "unit" && found.preference.unitId === employee.unitId)
      return { retry: ["me.preferences.own_unit", { text: part }] as Say };
    if (!chosen.some((p) => samePreference(p, found.preference))) chosen.push(found.preference);
  }
  if (chosen.length === 0) return { retry: ["me.preferences.unknown", { text }] as Say };
  const list = preferencesParam(turn.ctx.t, chosen);
  return save(turn, { kind: "preferences", preferences: chosen }, ["me.saved.preferences", { list }]);
}

const menuActions: ConversationSpec<MeData, Action>["steps"][string]["actions"] = {
  willing: (turn) => save(turn, { kind: "willing" }, ["me.saved.willing"]),
  unwilling: () => ({ to: "reason", patch: { passive: false } }),
  prefs: () => ({ to: "prefs", patch: { passive: false } }),
  clear: (turn) => save(turn, { kind: "preferences", preferences: [] }, ["me.saved.preferences_cleared"]),
};

const noteBounds = { min: 1, max: STATEMENT_NOTE_MAX };

export const meConversation: ConversationSpec<MeData, Action> = {
  name: "me",
  data: meData,
  buttons: statementData,
  first: "menu",
  identify: requireEmployee,
  steps: {
    menu: {
      prompt: async ({ ctx, who }) => {
        const record = await getMyRecord(ctx.deps.db, { userId: who.userId });
        const hasPreferences = (record.statement?.preferenceList.length ?? 0) > 0;
        return {
          say: ["me.card", { lines: new Html(renderMyRecord(ctx.t, record)) }],
          buttons: [
            ...labelled(ctx, [
              ["me.button.willing", "willing"],
              ["me.button.unwilling", "unwilling"],
            ]),
            ...labelled(ctx, [
              ["me.button.preferences", "prefs"],
              ...(hasPreferences ? ([["me.button.clear_preferences", "clear"]] as const) : []),
            ]),
          ],
        };
      },
      actions: menuActions,
    },
    reason: {
      prompt: ({ ctx }) => ({
        say: ["me.ask_reason"],
        buttons: labelled(
          ctx,
          UNWILLING_REASONS.map((r) => [`statement.reason.${r}`, "reason", r] as const),
          2,
        ),
      }),
      actions: {
        reason: (_turn, value) => {
          const reason = unwillingReasonSchema.safeParse(value);
          return reason.success
            ? { to: "note", patch: { reason: reason.data } }
            : { retry: ["me.ask_reason"] };
        },
      },
    },
    note: {
      prompt: ({ ctx, data }) => ({
        say: [
          "me.ask_note",
          { reason: ctx.t(`statement.reason.${data.reason ?? "LAINNYA"}`), max: STATEMENT_NOTE_MAX },
        ],
        buttons: labelled(ctx, [["me.button.no_note", "nonote"]]),
      }),
      text: answer(
        shortTextAnswer(noteBounds.min, noteBounds.max),
        "me.note",
        () => noteBounds,
        (turn, note) => unwilling(turn, note),
      ),
      actions: { nonote: (turn) => unwilling(turn, null) },
    },
    prefs: {
      prompt: () => ({ say: ["me.ask_preferences", { max: MAX_PREFERENCES }] }),
      text: destinations,
    },
  },
};

/** Shows the record with its buttons: a fresh card, earlier ones go stale. */
export async function showRecord(ctx: BotContext): Promise<void> {
  requireEmployee(ctx);
  await beginConversation(ctx, meConversation, { passive: true });
}

meFeature.command(["saya", "me"], showRecord);

meFeature.use(conversationHandlers(meConversation));
