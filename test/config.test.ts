import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config.ts";

const token = "123456789:AAH-abcdefghijklmnopqrstuvwxyz012345";

describe("parseConfig", () => {
  it("applies DESIGN.md's defaults", () => {
    expect(parseConfig({ BOT_TOKEN: token })).toMatchObject({
      TELEGRAM_API_ROOT: "https://api.telegram.org",
      DATA_DIR: "./data",
      BOT_MODE: "polling",
      PORT: 8080,
      ADMIN_TELEGRAM_IDS: [],
      SCHEDULE_TIMEZONE: "Asia/Jayapura",
      WEEKLY_CHECK_CRON: "0 8 * * 1",
      DEFAULT_LOCALE: "id",
      LOG_LEVEL: "info",
    });
  });

  it("leaves the Mini App off by default and takes it on an https URL only (issue 27)", () => {
    const off = parseConfig({ BOT_TOKEN: token });
    expect(off).toMatchObject({
      WEB_APP_AUTH_MAX_AGE: 86_400,
      MAP_TILE_URL: "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    });
    expect(off.WEB_APP_URL).toBeUndefined();
    expect(
      parseConfig({ BOT_TOKEN: token, WEB_APP_URL: "https://seimbang.example.go.id", MAP_TILE_URL: "off" }),
    ).toMatchObject({
      WEB_APP_URL: "https://seimbang.example.go.id",
      MAP_TILE_URL: "off",
    });
    expect(() => parseConfig({ BOT_TOKEN: token, WEB_APP_URL: "http://seimbang.example.go.id" })).toThrow(
      /WEB_APP_URL must start with https:\/\//,
    );
    expect(() => parseConfig({ BOT_TOKEN: token, WEB_APP_NAME: "peta app" })).toThrow(/WEB_APP_NAME/);
  });

  it("names BOT_TOKEN and @BotFather when the token is missing", () => {
    expect(() => parseConfig({})).toThrow(/BOT_TOKEN[\s\S]*@BotFather/);
  });

  it("lists every problem at once", () => {
    try {
      parseConfig({
        BOT_TOKEN: "nope",
        PORT: "eighty",
        BOT_MODE: "webhook",
        ADMIN_TELEGRAM_IDS: "12, abc",
        SCHEDULE_TIMEZONE: "Mars/Base",
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join("\n");
      for (const name of [
        "BOT_TOKEN",
        "PORT",
        "ADMIN_TELEGRAM_IDS",
        "SCHEDULE_TIMEZONE",
        "WEBHOOK_URL",
        "WEBHOOK_SECRET",
      ]) {
        expect(problems).toContain(name);
      }
    }
  });

  it("parses admin ids as bigints and refuses more than 30 messages per second", () => {
    expect(parseConfig({ BOT_TOKEN: token, ADMIN_TELEGRAM_IDS: "1, 22" }).ADMIN_TELEGRAM_IDS).toEqual([
      1n,
      22n,
    ]);
    expect(() => parseConfig({ BOT_TOKEN: token, SEND_RATE_PER_SECOND: "31" })).toThrow(/30/);
  });
});
