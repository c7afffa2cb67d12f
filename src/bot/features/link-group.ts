import { Composer } from "telegraf";
import { message } from "telegraf/filters";
import { DomainError } from "../../domain/errors.ts";
import { linkHrGroup, migrateHrGroupChat, setHrGroupActive } from "../../use-cases/accounts/index.ts";
import type { BotContext } from "../context.ts";

/** Linking a group chat to an agency as its HR group, and keeping that link true as the group changes. */
export const linkGroupFeature = new Composer<BotContext>();

const isGroup = (type: string) => type === "group" || type === "supergroup";

/** The reply, with how many waiting responses now come to the group (their cards follow). */
const withResponses = (ctx: BotContext, text: string, responses: number) =>
  responses > 0 ? `${text}\n${ctx.t("hr.link.responses_posted", { count: responses })}` : text;

linkGroupFeature.command(["hubungkan", "linkgroup"], async (ctx) => {
  if (!ctx.isAdmin) throw new DomainError("not_admin");
  if (!isGroup(ctx.chat.type)) throw new DomainError("group_only");
  const [agencyCode, quorumText] = ctx.args;
  if (!agencyCode) {
    await ctx.reply(ctx.t("hr.link.usage"));
    return;
  }
  const quorum = quorumText === undefined ? undefined : Number(quorumText);
  if (quorum !== undefined && !Number.isInteger(quorum)) throw new DomainError("quorum_invalid");
  const title = "title" in ctx.chat ? ctx.chat.title : null;
  const from = ctx.from;
  const cards = { locale: ctx.deps.config.DEFAULT_LOCALE, timeZone: ctx.deps.config.SCHEDULE_TIMEZONE };
  const { agency, responses } = await ctx.transact((tx) =>
    linkHrGroup(tx, {
      agencyCode,
      chatId: ctx.chat.id,
      title,
      quorum,
      actor: { id: ctx.user?.id ?? null, name: ctx.user?.name ?? `telegram:${from.id}` },
      cards,
    }),
  );
  await ctx.reply(
    withResponses(ctx, ctx.t("hr.link.done", { agency: agency.name, quorum: agency.quorum }), responses),
  );
});

// Removed or kicked: stop posting there (the sender would get 403). Added back: resume.
linkGroupFeature.on("my_chat_member", async (ctx) => {
  const update = ctx.myChatMember;
  if (!isGroup(update.chat.type)) return;
  const status = update.new_chat_member.status;
  const present = status === "member" || status === "administrator";
  const gone = status === "left" || status === "kicked";
  if (!present && !gone) return;
  const title = "title" in update.chat ? update.chat.title : undefined;
  const group = await ctx.transact((tx) =>
    setHrGroupActive(tx, {
      chatId: update.chat.id,
      active: present,
      title,
      cards: { locale: ctx.deps.config.DEFAULT_LOCALE, timeZone: ctx.deps.config.SCHEDULE_TIMEZONE },
    }),
  );
  if (group && present)
    await ctx.reply(
      withResponses(ctx, ctx.t("hr.link.back", { agency: group.agency.name }), group.responses),
    );
  else if (
    present &&
    (update.old_chat_member.status === "left" || update.old_chat_member.status === "kicked")
  ) {
    // Added to a group no agency uses yet: say how to link it, with the codes /hubungkan takes (issue 25).
    const codes = (
      await ctx.deps.db.agency.findMany({ orderBy: { code: "asc" }, select: { code: true } })
    ).map((a) => a.code);
    const hint = codes.length > 0 ? ctx.t("hr.link.hint_codes", { codes: codes.join(", ") }) : "";
    await ctx.reply(ctx.t("hr.link.hint", { codes: hint }));
  }
});

linkGroupFeature.on(message("migrate_to_chat_id"), async (ctx) => {
  const to = ctx.message.migrate_to_chat_id;
  await ctx.transact((tx) => migrateHrGroupChat(tx, { fromChatId: ctx.chat.id, toChatId: to }));
});

linkGroupFeature.on(message("migrate_from_chat_id"), async (ctx) => {
  const from = ctx.message.migrate_from_chat_id;
  await ctx.transact((tx) => migrateHrGroupChat(tx, { fromChatId: from, toChatId: ctx.chat.id }));
});
