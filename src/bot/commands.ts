import type { Telegram } from "telegraf";
import type { BotCommand } from "telegraf/types";
import { translate, type Locale, type TextKey } from "../messages/locales/index.ts";

type CommandSpec = [id: string, en: string, description: TextKey];

const privateCommands: CommandSpec[] = [
  ["start", "start", "commands.start"],
  ["bantuan", "help", "commands.help"],
  ["lapor", "report", "commands.report"],
  ["lowongan", "vacancy", "commands.vacancy"],
  ["daftarlowongan", "vacancies", "commands.vacancies"],
  ["beban", "load", "commands.load"],
  ["pegawai", "staff", "commands.staff"],
  ["saya", "me", "commands.me"],
  ["cuti", "leave", "commands.leave"],
  ["status", "status", "commands.status"],
  ["batal", "cancel", "commands.cancel"],
  ["bahasa", "language", "commands.language"],
];

const adminCommands: CommandSpec[] = [
  ...privateCommands,
  ["undang", "invite", "commands.invite"],
  ["jabatan", "roles", "commands.jabatan"],
  ["kebijakan", "policy", "commands.kebijakan"],
  ["sk", "sk", "commands.sk"],
  ["batalusulan", "cancelproposal", "commands.batalusulan"],
  ["cabutpenolakan", "liftrejection", "commands.cabutpenolakan"],
];

const groupCommands: CommandSpec[] = [
  ["cek", "check", "commands.check"],
  ["usulan", "pending", "commands.pending"],
  ["ekspor", "export", "commands.export"],
  ["status", "status", "commands.status"],
  ["hubungkan", "linkgroup", "commands.linkgroup"],
];

function list(specs: CommandSpec[], locale: Locale): BotCommand[] {
  return specs.map(([id, en, description]) => ({
    command: locale === "id" ? id : en,
    description: translate(locale, description),
  }));
}

/** Indonesian names are the default menu; people whose Telegram is in English see the English aliases. */
export async function registerCommands(telegram: Telegram, adminIds: readonly bigint[]): Promise<void> {
  for (const locale of ["id", "en"] as const) {
    const language_code = locale === "en" ? "en" : undefined;
    await telegram.setMyCommands(list(privateCommands, locale), {
      scope: { type: "all_private_chats" },
      language_code,
    });
    await telegram.setMyCommands(list(groupCommands, locale), {
      scope: { type: "all_group_chats" },
      language_code,
    });
    for (const id of adminIds) {
      await telegram.setMyCommands(list(adminCommands, locale), {
        scope: { type: "chat", chat_id: Number(id) },
        language_code,
      });
    }
  }
}
