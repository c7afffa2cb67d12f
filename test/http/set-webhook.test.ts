import { Telegraf } from "telegraf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALLOWED_UPDATES, setWebhook, webhookPath } from "../../src/bot/webhook.ts";
import { startBotApiServer, type BotApiServer } from "../support/bot-api-server.ts";

describe("setWebhook", () => {
  let api: BotApiServer;
  beforeAll(async () => {
    api = await startBotApiServer();
  });
  afterAll(async () => api?.close());

  it("registers the URL with the secret, only the updates the bot handles, and keeps pending updates", async () => {
    const bot = new Telegraf(api.token, { telegram: { apiRoot: api.url } });
    await setWebhook(bot.telegram, {
      url: "https://bot.example.go.id/telegram/hook",
      secret: "s3cret_0123456789abcdef",
    });
    const call = api.calls.find((c) => c.method === "setWebhook");
    expect(call?.payload).toMatchObject({
      url: "https://bot.example.go.id/telegram/hook",
      secret_token: "s3cret_0123456789abcdef",
      allowed_updates: ["message", "callback_query", "my_chat_member"],
      drop_pending_updates: false,
    });
    expect(ALLOWED_UPDATES).not.toContain("edited_message");
    expect(webhookPath("https://bot.example.go.id/telegram/hook?x=1")).toBe("/telegram/hook");
  });
});
