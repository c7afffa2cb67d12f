import { describe, expect, it } from "vitest";
import { registerCommands } from "../../src/bot/commands.ts";
import { commandMenu, type MenuName } from "../../src/messages/command-menus.ts";
import { translate } from "../../src/messages/locales/index.ts";
import { queueCommandMenus, createInvite } from "../../src/use-cases/accounts/index.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { seedSmallDistrict } from "../support/fixtures.ts";
import { buildTestBot, fixedClock } from "../support/harness.ts";
import { callbackUpdate, textUpdate } from "../support/telegram.ts";
import { TelegramRules } from "../support/telegram-rules.ts";

const config = { DEFAULT_LOCALE: "id" as const, ADMIN_TELEGRAM_IDS: [9001n] };

type MenuPayload = { commands: Array<{ command: string }>; scope: { type: string; chat_id?: number } };
const names = (payload: unknown) => (payload as MenuPayload).commands.map((c) => c.command);

describe("command menus: each person sees the commands they may use (issue 25)", () => {
  it("every command of a role's menu is one its /bantuan explains, in both languages", () => {
    const roles = ["none", "employee", "unit_head", "hr_approver", "admin"] as const satisfies MenuName[];
    for (const locale of ["id", "en"] as const) {
      for (const role of roles) {
        const help = translate(locale, `help.${role}`);
        for (const { command } of commandMenu(role, locale)) {
          if (command === "bantuan" || command === "help") continue;
          expect(help, `${role}/${locale}: /${command}`).toMatch(new RegExp(`/${command}\\b`));
        }
      }
    }
    // What a stranger sees is how to join, the help and the language, nothing a head does.
    expect(commandMenu("none", "id").map((c) => c.command)).toEqual(["start", "bantuan", "bahasa"]);
  });

  it("start-up sets the stranger's menu for private chats, the team's for groups and the admin's for admins", async () => {
    const t = buildTestBot({} as never);
    await registerCommands(t.bot.telegram, [9001n]);
    const menus = t.calls.filter((c) => c.method === "setMyCommands");
    const of = (type: string, language?: string) =>
      menus.find((c) => {
        const scope = c.payload.scope as { type: string };
        return scope.type === type && c.payload.language_code === language;
      })?.payload;
    expect(names(of("all_private_chats"))).toEqual(["start", "bantuan", "bahasa"]);
    expect(names(of("all_private_chats", "en"))).toEqual(["start", "help", "language"]);
    expect(names(of("all_group_chats"))).toEqual([
      "cek",
      "usulan",
      "ekspor",
      "formasi",
      "status",
      "hubungkan",
    ]);
    expect(names(of("chat"))).toEqual([
      "undang",
      "jabatan",
      "cuti",
      "kebijakan",
      "sk",
      "batalusulan",
      "cabutpenolakan",
      "status",
      "peta",
      "formasi",
      "simulasi",
      "bahasa",
      "bantuan",
    ]);
    // None was refused (the stand-in checks names, descriptions and scopes as Telegram does).
    expect(t.calls.refused).toHaveLength(0);
    expect(menus).toHaveLength(6);
  });
});

describe.skipIf(skipPg)("a person's own menu follows their role and language", () => {
  const db = useTestDatabase();
  const siti = { id: 5001, first_name: "Siti", last_name: "Rahayu", language_code: "id" };

  it("joining as a head queues the head's menu; English after /bahasa; start-up queues nothing twice", async () => {
    const clock = fixedClock("2026-11-30T01:00:00Z");
    await seedSmallDistrict(db.prisma);
    const invite = await createInvite(db.prisma, {
      target: { kind: "unit", unitCode: "SDN-01" },
      createdBy: "cli",
      now: clock.now(),
    });
    const t = buildTestBot(db.prisma, { clock });
    const menus = () =>
      db.prisma.outboxMessage.findMany({ where: { method: "setMyCommands" }, orderBy: { id: "asc" } });

    await t.send(textUpdate(siti, `/start ${invite.code}`));
    const [head] = await menus();
    expect(head).toMatchObject({ chatId: 5001n, kind: "command-menu", status: "PENDING" });
    expect(head?.payload).toMatchObject({ scope: { type: "chat", chat_id: 5001 } });
    expect(names(head?.payload)).toEqual([
      "lapor",
      "lowongan",
      "daftarlowongan",
      "beban",
      "pegawai",
      "cuti",
      "saya",
      "status",
      "peta",
      "batal",
      "bahasa",
      "bantuan",
    ]);
    expect(new TelegramRules().check("setMyCommands", head?.payload as Record<string, unknown>)).toBeNull();

    // Every start-up asks for all menus: the one already queued is not queued again.
    expect(await queueCommandMenus(db.prisma, config)).toBe(0);

    clock.advance(60_000);
    await t.send(textUpdate(siti, "/bahasa"));
    await t.send(callbackUpdate(siti, "lang:en"));
    const after = await menus();
    expect(after).toHaveLength(2);
    expect(names(after[1]?.payload)).toEqual([
      "report",
      "vacancy",
      "vacancies",
      "load",
      "staff",
      "leave",
      "me",
      "status",
      "map",
      "cancel",
      "language",
      "help",
    ]);
    expect(await queueCommandMenus(db.prisma, config)).toBe(0);
  });

  it("start-up queues the menus of people registered before this release, and none for a configured admin", async () => {
    await seedSmallDistrict(db.prisma);
    await db.prisma.user.createMany({
      data: [
        { telegramId: 7001n, name: "Rina", role: "HR_APPROVER" },
        { telegramId: 7002n, name: "Ani", role: "EMPLOYEE", locale: "en" },
        { telegramId: 9001n, name: "Admin", role: "UNIT_HEAD" },
        { telegramId: 7003n, name: "Gone", role: "UNIT_HEAD", active: false },
      ],
    });
    expect(await queueCommandMenus(db.prisma, config)).toBe(2);
    const rows = await db.prisma.outboxMessage.findMany({ orderBy: { chatId: "asc" } });
    expect(rows.map((r) => [r.chatId, names(r.payload)])).toEqual([
      [7001n, ["status", "peta", "ekspor", "formasi", "simulasi", "bahasa", "bantuan"]],
      [7002n, ["me", "cancel", "language", "help"]],
    ]);
    expect(await queueCommandMenus(db.prisma, config)).toBe(0);
  });

  it("with the Mini App on, heads and approvers get the map as their menu button; a lost role takes it away", async () => {
    await seedSmallDistrict(db.prisma);
    await db.prisma.user.createMany({
      data: [
        { telegramId: 7001n, name: "Rina", role: "HR_APPROVER", locale: "en" },
        { telegramId: 7002n, name: "Ani", role: "EMPLOYEE" },
        { telegramId: 9001n, name: "Admin", role: "UNIT_HEAD" },
      ],
    });
    const withApp = { ...config, WEB_APP_URL: "https://seimbang.example.go.id/" };
    // Two people: each their commands and their button; the configured admin's come from start-up.
    expect(await queueCommandMenus(db.prisma, withApp)).toBe(4);
    const buttons = () =>
      db.prisma.outboxMessage.findMany({ where: { method: "setChatMenuButton" }, orderBy: { id: "asc" } });
    const first = await buttons();
    expect(first.map((b) => [b.chatId, b.payload])).toEqual([
      [
        7001n,
        {
          chat_id: 7001,
          menu_button: {
            type: "web_app",
            text: "Map",
            web_app: { url: "https://seimbang.example.go.id/app/" },
          },
        },
      ],
      [7002n, { chat_id: 7002, menu_button: { type: "default" } }],
    ]);
    const rules = new TelegramRules();
    for (const b of first)
      expect(rules.check("setChatMenuButton", b.payload as Record<string, unknown>)).toBeNull();
    expect(await queueCommandMenus(db.prisma, withApp)).toBe(0);

    // Rina is no longer an approver: her next menu has no map button.
    await db.prisma.user.update({ where: { telegramId: 7001n }, data: { role: "NONE" } });
    expect(await queueCommandMenus(db.prisma, withApp)).toBe(2);
    expect((await buttons()).at(-1)?.payload).toEqual({ chat_id: 7001, menu_button: { type: "default" } });

    // The configured admin's button is set at start-up, beside their commands.
    const t = buildTestBot({} as never);
    await registerCommands(t.bot.telegram, [9001n], withApp.WEB_APP_URL);
    expect(t.calls.filter((c) => c.method === "setChatMenuButton").map((c) => c.payload)).toEqual([
      {
        chat_id: 9001,
        menu_button: {
          type: "web_app",
          text: "Peta",
          web_app: { url: "https://seimbang.example.go.id/app/" },
        },
      },
    ]);
    expect(t.calls.refused).toHaveLength(0);
  });
});
