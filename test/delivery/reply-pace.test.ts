// Issue 25: after a press, the edit that closes the keyboard must not hold the next question back by
// the private chat's one-a-second gap; two messages to one chat are still a second apart.
import { describe, expect, it } from "vitest";
import { createSendLimiter, wrapTelegramApi } from "../../src/delivery/limiter.ts";
import { simulatedClock } from "../support/delivery.ts";

describe("the bot's own replies under Telegram's limits", () => {
  function bot() {
    const clock = simulatedClock(1_000_000);
    const sent: Array<[string, number]> = [];
    const telegram = {
      callApi: async (method: string) => {
        sent.push([method, clock.now()]);
        return true;
      },
    };
    const limiter = createSendLimiter({ clock });
    wrapTelegramApi(telegram as never, limiter);
    const call = (method: string, chatId: number) =>
      (telegram.callApi as unknown as (m: string, p: unknown) => Promise<unknown>)(method, {
        chat_id: chatId,
      });
    return { sent, call, limiter };
  }

  it("a press's edit and the next question go out together in a private chat", async () => {
    const { sent, call } = bot();
    await call("editMessageText", 7001);
    await call("sendMessage", 7001);
    expect(sent.map(([method]) => method)).toEqual(["editMessageText", "sendMessage"]);
    expect((sent[1]?.[1] ?? 0) - (sent[0]?.[1] ?? 0)).toBeLessThan(100);
  });

  it("two messages to one private chat are still a second apart, and a group's edits keep the group's pace", async () => {
    const { sent, call } = bot();
    await call("sendMessage", 7001);
    await call("sendMessage", 7001);
    expect((sent[1]?.[1] ?? 0) - (sent[0]?.[1] ?? 0)).toBeGreaterThanOrEqual(1000);
    await call("editMessageText", -1001);
    await call("editMessageText", -1001);
    expect((sent[3]?.[1] ?? 0) - (sent[2]?.[1] ?? 0)).toBeGreaterThanOrEqual(3000);
  });

  it("a 429 hold on the chat still holds the reply's edit", async () => {
    const { sent, call, limiter } = bot();
    limiter.holdChat(7001, 5000);
    await call("editMessageText", 7001);
    expect(sent[0]?.[1]).toBeGreaterThanOrEqual(1_005_000);
  });
});
