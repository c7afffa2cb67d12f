import type { Update } from "telegraf/types";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { TELEGRAM_TEXT_LIMIT, visibleLength, visibleText } from "../../src/messages/paging.ts";
import type { TestBot } from "./harness.ts";
import { makeNip } from "./import-files.ts";
import { callbackUpdate, type ApiCall, type Person } from "./telegram.ts";
import { expect } from "vitest";

export interface Button {
  text: string;
  callback_data: string;
}

/** A message as it stands in the chat: what Telegram hands back with a press on one of its buttons. */
export interface Shown {
  messageId: number;
  chatId: number;
  html: string;
  buttons: Button[][];
}

/** The message the bot sent or last edited, as the person sees it now. */
export function onScreen(calls: ApiCall[]): Shown {
  let shown: Shown | null = null;
  calls.forEach((call, i) => {
    const markup = call.payload.reply_markup as { inline_keyboard?: Button[][] } | undefined;
    const buttons = (markup?.inline_keyboard ?? []).map((row) =>
      row.map((b) => ({ text: b.text, callback_data: b.callback_data })),
    );
    if (call.method === "sendMessage") {
      // The stand-in numbers sent messages from 1000, one per send* call.
      const messageId = 1000 + calls.slice(0, i).filter((c) => c.method.startsWith("send")).length;
      shown = { messageId, chatId: Number(call.payload.chat_id), html: String(call.payload.text), buttons };
    }
    if (call.method === "editMessageText" && shown && call.payload.message_id === shown.messageId) {
      shown = { ...shown, html: String(call.payload.text), buttons };
    }
  });
  if (!shown) throw new Error("no message sent");
  return shown;
}

/** A press on the button labelled `label` of the message on screen, carrying that message as Telegram does. */
export function press(person: Person, shown: Shown, label: string | RegExp): Update {
  const button = shown.buttons
    .flat()
    .find((b) => (typeof label === "string" ? b.text === label : label.test(b.text)));
  if (!button)
    throw new Error(
      `no button ${String(label)} in ${JSON.stringify(shown.buttons.flat().map((b) => b.text))}`,
    );
  return pressData(person, shown, button.callback_data);
}

export function pressData(person: Person, shown: Shown, data: string): Update {
  const update = callbackUpdate(person, data, { message_id: shown.messageId, chatId: shown.chatId });
  if (!("callback_query" in update)) throw new Error("not a press");
  Object.assign(update.callback_query.message!, {
    text: visibleText(shown.html).trim(),
    reply_markup: { inline_keyboard: shown.buttons },
  });
  return update;
}

export const answers = (calls: ApiCall[]) =>
  calls.filter((c) => c.method === "answerCallbackQuery").map((c) => String(c.payload.text ?? ""));
export const edits = (calls: ApiCall[]) => calls.filter((c) => c.method === "editMessageText");

/** Telegram's limit, counted as it counts: the visible text after tags and entities are parsed. */
export function expectFits(html: string): void {
  expect(visibleLength(html)).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
}

/** Presses ▶ until the last page; returns every page's text, the first included. */
export async function pageThrough(t: TestBot, person: Person): Promise<Shown[]> {
  const pages = [onScreen(t.calls)];
  while (
    pages
      .at(-1)!
      .buttons.flat()
      .some((b) => b.text === "▶")
  ) {
    await t.send(press(person, pages.at(-1)!, "▶"));
    pages.push(onScreen(t.calls));
    if (pages.length > 50) throw new Error("the pages never end");
  }
  return pages;
}

export async function addStaff(prisma: PrismaClient, unitId: number, roleId: number, count: number) {
  const names: string[] = [];
  for (let i = 1; i <= count; i++) {
    const name = `Yohana Maria Gebze & Kaize Nomor ${String(i).padStart(2, "0")}`;
    names.push(name);
    await prisma.employee.create({
      data: {
        nip: makeNip("1980-03-15", "2005-01", 2, i),
        name,
        unitId,
        roleId,
        weeklyHours: 24,
        birthDate: new Date("1980-03-15"),
        postSince: new Date("2012-07-01"),
      },
    });
  }
  return names;
}
