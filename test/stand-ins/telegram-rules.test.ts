import { Telegraf, TelegramError } from "telegraf";
import { describe, expect, it } from "vitest";
import { startBotApiServer } from "../support/bot-api-server.ts";
import { standInCallApi } from "../support/delivery.ts";
import { expectRefusal } from "../support/refusals.ts";
import { callbackUpdate, recordApiCalls, textUpdate } from "../support/telegram.ts";
import { parseTelegramHtml, TelegramRules } from "../support/telegram-rules.ts";

const chat = 4242;
const refusedWith = (rules: TelegramRules, method: string, payload: Record<string, unknown>) =>
  rules.check(method, { chat_id: chat, ...payload })?.description ?? null;

describe("Telegram's HTML", () => {
  it("accepts the tags and entities Telegram supports", () => {
    const text =
      "<b>a</b><strong>b</strong><i>c</i><em>d</em><u>e</u><ins>f</ins><s>g</s><strike>h</strike><del>i</del>" +
      '<a href="https://x.y/?a=1&amp;b=2">j</a><code>k</code><pre>l</pre><blockquote>m</blockquote>' +
      '<span class="tg-spoiler">n</span><tg-spoiler>o</tg-spoiler><tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>' +
      " &lt;kode&gt; &amp; &quot; &#39; &#x41;";
    expect(parseTelegramHtml(text)).toEqual({ visible: "abcdefghijklmno👍 <kode> & \" ' A" });
  });

  it("refuses unknown, unclosed and crossed tags and bare < > &", () => {
    expect(parseTelegramHtml("Kirim /start <kode> ya")).toEqual({
      error: `can't parse entities: Unsupported start tag "kode" at byte offset 13`,
    });
    expect(parseTelegramHtml("é <x>")).toMatchObject({ error: expect.stringContaining("byte offset 3") });
    expect(parseTelegramHtml("<b>tebal")).toEqual({
      error: `can't parse entities: Can't find end tag corresponding to start tag "b"`,
    });
    expect(parseTelegramHtml("<b><i>x</b></i>")).toMatchObject({
      error: expect.stringContaining("Unmatched end tag"),
    });
    expect(parseTelegramHtml("a < b")).toMatchObject({
      error: expect.stringContaining("can't parse entities"),
    });
    expect(parseTelegramHtml("a > b")).toMatchObject({
      error: expect.stringContaining("can't parse entities"),
    });
    expect(parseTelegramHtml("O'Neil & Sons")).toMatchObject({
      error: expect.stringContaining("can't parse entities"),
    });
    expect(parseTelegramHtml('<span class="x">s</span>')).toMatchObject({
      error: expect.stringContaining("span"),
    });
  });
});

describe("Telegram's limits", () => {
  it("counts the visible text, in UTF-16 code units, against 4096 and 1024", () => {
    const rules = new TelegramRules();
    const html = (n: number) => `<b>${"x".repeat(n)}</b>&amp;`;
    expect(refusedWith(rules, "sendMessage", { text: html(4095), parse_mode: "HTML" })).toBeNull();
    expect(refusedWith(rules, "sendMessage", { text: html(4096), parse_mode: "HTML" })).toBe(
      "Bad Request: message is too long",
    );
    expect(refusedWith(rules, "sendMessage", { text: "😀".repeat(2049) })).toBe(
      "Bad Request: message is too long",
    );
    expect(refusedWith(rules, "sendDocument", { caption: "x".repeat(1025) })).toBe(
      "Bad Request: message caption is too long",
    );
    expect(refusedWith(rules, "sendMessage", { text: " <b></b> ", parse_mode: "HTML" })).toBe(
      "Bad Request: message text is empty",
    );
  });

  it("refuses callback data over 64 bytes and more than 100 buttons", () => {
    const rules = new TelegramRules();
    const keyboard = (data: string, count = 1) => ({
      inline_keyboard: [Array.from({ length: count }, () => ({ text: "b", callback_data: data }))],
    });
    expect(
      refusedWith(rules, "sendMessage", { text: "t", reply_markup: keyboard("é".repeat(32)) }),
    ).toBeNull();
    expect(
      refusedWith(rules, "sendMessage", { text: "t", reply_markup: keyboard("é".repeat(32) + "x") }),
    ).toBe("Bad Request: BUTTON_DATA_INVALID");
    expect(refusedWith(rules, "sendMessage", { text: "t", reply_markup: keyboard("a", 101) })).toBe(
      "Bad Request: reply markup is too long",
    );
  });

  it("edits only messages that exist, and only to something new", () => {
    const rules = new TelegramRules();
    const markup = { inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] };
    expect(refusedWith(rules, "editMessageText", { message_id: 7, text: "baru" })).toBe(
      "Bad Request: message to edit not found",
    );
    rules.accepted("sendMessage", { chat_id: chat, text: "lama", reply_markup: markup }, 7);
    expect(
      refusedWith(rules, "editMessageText", { message_id: 7, text: "lama", reply_markup: markup }),
    ).toMatch(
      /^Bad Request: message is not modified: specified new message content and reply markup are exactly the same/,
    );
    expect(refusedWith(rules, "editMessageReplyMarkup", { message_id: 7, reply_markup: markup })).toMatch(
      /not modified/,
    );
    expect(refusedWith(rules, "editMessageText", { message_id: 7, text: "lama" })).toBeNull();
    rules.accepted("editMessageText", { chat_id: chat, message_id: 7, text: "lama" }, undefined);
    expect(refusedWith(rules, "editMessageReplyMarkup", { message_id: 7 })).toMatch(/not modified/);
    // A message that reached the bot in an update exists.
    rules.seeUpdate(callbackUpdate({ id: chat, first_name: "A" }, "x", { message_id: 3 }) as never);
    expect(refusedWith(rules, "editMessageReplyMarkup", { message_id: 3 })).toBeNull();
  });

  it("refuses answers to callback queries older than 15 minutes", () => {
    let now = 0;
    const rules = new TelegramRules(() => now);
    const update = callbackUpdate({ id: chat, first_name: "A" }, "x") as unknown as {
      callback_query: { id: string };
    };
    rules.seeUpdate(update);
    const answer = { callback_query_id: update.callback_query.id };
    now = 15 * 60 * 1000;
    expect(refusedWith(rules, "answerCallbackQuery", answer)).toBeNull();
    now += 1;
    expect(refusedWith(rules, "answerCallbackQuery", answer)).toBe(
      "Bad Request: query is too old and response timeout expired or query ID is invalid",
    );
  });
});

describe("both stand-ins", () => {
  it("the recorder throws telegraf's TelegramError and records the refusal", async () => {
    const bot = new Telegraf("1:x");
    const calls = recordApiCalls(bot);
    const error = await bot.telegram
      .sendMessage(chat, "Kirim /start <kode>", { parse_mode: "HTML" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TelegramError);
    expect((error as TelegramError).code).toBe(400);
    expect((error as TelegramError).description).toBe(
      `Bad Request: can't parse entities: Unsupported start tag "kode" at byte offset 13`,
    );
    expect(calls).toHaveLength(0);
    expectRefusal(calls, /Unsupported start tag/);
    await bot.handleUpdate(textUpdate({ id: chat, first_name: "A" }, "hai"));
  });

  it("the HTTP server answers 400 with Telegram's JSON body", async () => {
    const server = await startBotApiServer();
    try {
      const callApi = standInCallApi(server);
      const error = await callApi("sendMessage", { chat_id: chat, text: "" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TelegramError);
      expect((error as TelegramError).response).toEqual({
        ok: false,
        error_code: 400,
        description: "Bad Request: message text is empty",
      });
      expect(server.calls.at(-1)?.outcome).toBe("refused-400");
      expectRefusal(server, /message text is empty/);
      const sent = (await callApi("sendMessage", { chat_id: chat, text: "a" })) as { message_id: number };
      await expect(
        callApi("editMessageText", { chat_id: chat, message_id: sent.message_id, text: "a" }),
      ).rejects.toThrow(/message is not modified/);
      expectRefusal(server, /not modified/);
    } finally {
      await server.close();
    }
  });
});
