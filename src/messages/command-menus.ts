// The command menus Telegram shows beside the text field: each person sees the commands they may use
// (issue 25: strangers saw every head's command). The texts are the locale's; the lists are here.
import { translate, type Locale, type TextKey } from "./locales/index.ts";

/** Whose menu: a stranger's, each registered role's, an admin's, and the HR groups'. */
export type MenuName = "none" | "employee" | "unit_head" | "hr_approver" | "admin" | "group";

/** A command as Telegram takes it (setMyCommands). */
export interface MenuCommand {
  command: string;
  description: string;
}

type CommandSpec = [id: string, en: string, description: TextKey];

const start: CommandSpec = ["start", "start", "commands.start"];
const help: CommandSpec = ["bantuan", "help", "commands.help"];
const language: CommandSpec = ["bahasa", "language", "commands.language"];
const cancel: CommandSpec = ["batal", "cancel", "commands.cancel"];
const me: CommandSpec = ["saya", "me", "commands.me"];
const status: CommandSpec = ["status", "status", "commands.status"];
const exportCommand: CommandSpec = ["ekspor", "export", "commands.export"];
const map: CommandSpec = ["peta", "map", "commands.map"];
const formasi: CommandSpec = ["formasi", "formasi", "commands.formasi"];
const whatIf: CommandSpec = ["simulasi", "whatif", "commands.simulasi"];

const unitHead: CommandSpec[] = [
  ["lapor", "report", "commands.report"],
  ["lowongan", "vacancy", "commands.vacancy"],
  ["daftarlowongan", "vacancies", "commands.vacancies"],
  ["beban", "load", "commands.load"],
  ["pegawai", "staff", "commands.staff"],
  ["cuti", "leave", "commands.leave"],
  me,
  status,
  map,
  cancel,
  language,
  help,
];

const MENUS: Record<MenuName, CommandSpec[]> = {
  // /start <kode> is how a stranger joins; nothing else works before that.
  none: [start, help, language],
  employee: [me, cancel, language, help],
  unit_head: unitHead,
  hr_approver: [status, map, exportCommand, formasi, whatIf, language, help],
  admin: [
    ["undang", "invite", "commands.invite"],
    ["jabatan", "roles", "commands.jabatan"],
    ["cuti", "leave", "commands.leave"],
    ["kebijakan", "policy", "commands.kebijakan"],
    ["sk", "sk", "commands.sk"],
    ["batalusulan", "cancelproposal", "commands.batalusulan"],
    ["cabutpenolakan", "liftrejection", "commands.cabutpenolakan"],
    status,
    map,
    formasi,
    whatIf,
    language,
    help,
  ],
  group: [
    ["cek", "check", "commands.check"],
    ["usulan", "pending", "commands.pending"],
    exportCommand,
    formasi,
    status,
    ["hubungkan", "linkgroup", "commands.linkgroup"],
  ],
};

/** The menu in one language: Indonesian command names, or their English aliases. */
export function commandMenu(name: MenuName, locale: Locale): MenuCommand[] {
  return MENUS[name].map(([id, en, description]) => ({
    command: locale === "id" ? id : en,
    description: translate(locale, description),
  }));
}

/** What a stored role is called in the texts and menus ("unit_head" …), or null for none. */
export function roleKey(role: string | undefined): Exclude<MenuName, "none" | "group"> | null {
  switch (role) {
    case "UNIT_HEAD":
      return "unit_head";
    case "HR_APPROVER":
      return "hr_approver";
    case "ADMIN":
      return "admin";
    case "EMPLOYEE":
      return "employee";
    default:
      return null;
  }
}

/** The menu a registered role sees in a private chat (an admin by configuration sees the admin's). */
export function menuOfRole(role: string, admin: boolean): MenuName {
  return admin ? "admin" : (roleKey(role) ?? "none");
}

/**
 * The private chat's menu button (setChatMenuButton): the Mini App's map where the person may see the
 * district (`url` is WEB_APP_URL), Telegram's default otherwise.
 */
export function menuButton(url: string | null, locale: Locale) {
  if (url === null) return { type: "default" } as const;
  return {
    type: "web_app",
    text: translate(locale, "map.menu_button"),
    web_app: { url: `${url.replace(/\/$/, "")}/app/` },
  } as const;
}
