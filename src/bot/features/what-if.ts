import { Composer } from "telegraf";
import { z } from "zod";
import type { Actor } from "../../domain/actor.ts";
import { DomainError } from "../../domain/errors.ts";
import { whatIfData } from "../../messages/callback-data/what-if.ts";
import { Html } from "../../messages/locales/index.ts";
import { whatIfChangeTexts, whatIfText } from "../../messages/what-if-text.ts";
import { simulateWhatIf, type WhatIfChanges } from "../../use-cases/balancing-check/index.ts";
import type { BotContext } from "../context.ts";
import { beginConversation, conversationHandlers } from "../conversations/engine.ts";
import { withinOrBeside } from "../province-work.ts";
import { cancelled, labelled, type ConversationSpec, type Turn } from "../conversations/steps.ts";

/**
 * /simulasi (/whatif): the Mini App's Simulasi in a private chat, for the HR team and admins. A menu of
 * a few guided changes (a school's rombel, people leaving, the caps and distance), each asked as text;
 * Hitung plans the district as it is and as changed and answers before → after in one message.
 * Nothing is written.
 */
export const whatIfFeature = new Composer<BotContext>();

type Action = Parameters<typeof whatIfData.pack>[1];

const limit = z.number().nullable().optional();
const dataSchema = z.object({
  rombel: z.array(z.object({ unit: z.string(), rombel: z.number() })),
  leaving: z.array(z.string()),
  policy: z.object({ maxMovesOutPerUnit: limit, maxMovesInPerUnit: limit, maxDistanceKm: limit }),
});
type WhatIfData = z.infer<typeof dataSchema>;
type WhatIfTurn = Turn<WhatIfData, Actor>;

/** The HR team (any agency's approver) and admins, in a private chat. */
function requirePlanner(ctx: BotContext): Actor {
  if (ctx.chat?.type !== "private") throw new DomainError("private_only");
  if (!ctx.actor.admin && ctx.actor.approverOf === null) throw new DomainError("approver_only");
  return ctx.actor;
}

const ROMBEL = /^\s*(\S+)\s+(\d{1,3})\s*$/;
const NIP = /^\d{18}$/;
/** "3", "60", "-" (no limit). */
const LIMIT = /^(-|\d{1,4}(?:[.,]\d+)?)$/;

const changesOf = (data: WhatIfData): WhatIfChanges => ({ needs: [], ...data });

async function run({ ctx, who, data }: WhatIfTurn): Promise<void> {
  // A province's two plans take a minute: beside the update loop (bot/province-work.ts).
  await withinOrBeside(ctx, { province: "whatif.running_province", district: "whatif.running" }, async () => {
    const changes = changesOf(data);
    const answer = await simulateWhatIf(ctx.deps.db, {
      actor: who,
      changes,
      now: ctx.deps.clock.now(),
      timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
      plans: ctx.deps.plans,
    });
    const text = whatIfText(ctx.locale, answer, whatIfChangeTexts(ctx.locale, changes));
    await ctx.reply(`${text}\n\n${ctx.t("whatif.again")}`);
  });
}

const whatIfConversation: ConversationSpec<WhatIfData, Action, Actor> = {
  name: "what-if",
  data: dataSchema,
  buttons: whatIfData,
  first: "menu",
  identify: requirePlanner,
  steps: {
    menu: {
      prompt: ({ ctx, data }) => {
        const changes = whatIfChangeTexts(ctx.locale, changesOf(data));
        return {
          say: [
            "whatif.menu",
            { changes: new Html(changes.length > 0 ? changes.join("; ") : ctx.t("whatif.no_changes")) },
          ],
          buttons: labelled(
            ctx,
            [
              ["whatif.button.rombel", "rombel"],
              ["whatif.button.leaving", "leaving"],
              ["whatif.button.caps", "caps"],
              ["whatif.button.run", "run"],
              ["button.cancel", "cancel"],
            ],
            1,
          ),
        };
      },
      actions: {
        rombel: () => ({ to: "rombel" }),
        leaving: () => ({ to: "leaving" }),
        caps: () => ({ to: "caps" }),
        // The plan is made after the conversation ends: two engine runs are no transaction's work.
        run: (turn) => ({ to: null, effect: async () => () => run(turn) }),
        cancel: () => cancelled,
      },
    },
    rombel: {
      prompt: () => ({ say: ["whatif.ask_rombel"] }),
      text: ({ data }, text) => {
        const match = ROMBEL.exec(text);
        const rombel = Number(match?.[2]);
        if (!match || rombel > 500) return { retry: ["whatif.rombel.format", { text: text.slice(0, 60) }] };
        const unit = (match[1] ?? "").toUpperCase();
        return {
          to: "menu",
          patch: { rombel: [...data.rombel.filter((r) => r.unit !== unit), { unit, rombel }] },
        };
      },
    },
    leaving: {
      prompt: () => ({ say: ["whatif.ask_leaving"] }),
      text: ({ data }, text) => {
        const nips = text.split(/[\s,;]+/).filter(Boolean);
        const wrong = nips.find((nip) => !NIP.test(nip));
        if (nips.length === 0 || wrong !== undefined)
          return { retry: ["whatif.leaving.format", { text: (wrong ?? text).slice(0, 60) }] };
        return { to: "menu", patch: { leaving: [...new Set([...data.leaving, ...nips])] } };
      },
    },
    caps: {
      prompt: () => ({ say: ["whatif.ask_caps"] }),
      text: ({ data }, text) => {
        const parts = text.trim().split(/\s+/);
        if (parts.length !== 3 || parts.some((p) => !LIMIT.test(p)))
          return { retry: ["whatif.caps.format", { text: text.slice(0, 60) }] };
        const [out, into, km] = parts.map((p) => (p === "-" ? null : Number(p.replace(",", "."))));
        if ([out, into].some((v) => v !== null && v !== undefined && !Number.isInteger(v)))
          return { retry: ["whatif.caps.format", { text: text.slice(0, 60) }] };
        return {
          to: "menu",
          patch: {
            policy: { ...data.policy, maxMovesOutPerUnit: out, maxMovesInPerUnit: into, maxDistanceKm: km },
          },
        };
      },
    },
  },
};

whatIfFeature.command(["simulasi", "whatif"], async (ctx) => {
  if (ctx.chat?.type !== "private" && (ctx.actor.admin || ctx.actor.approverOf !== null)) {
    await ctx.reply(ctx.t("whatif.private", { bot: ctx.botInfo.username }));
    return;
  }
  requirePlanner(ctx);
  await beginConversation(ctx, whatIfConversation, { rombel: [], leaving: [], policy: {} });
});
whatIfFeature.use(conversationHandlers(whatIfConversation));
