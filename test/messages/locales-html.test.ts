import { describe, expect, it } from "vitest";
import { locales, translate, type Locale, type TextKey } from "../../src/messages/locales/index.ts";
import { parseTelegramHtml } from "../support/telegram-rules.ts";

// Names people really have, with every character HTML mode reserves.
const awkward = `O'Neil & <Sons> "Ltd"`;

function sampleParams(template: string): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [, name] of template.matchAll(/\{(\w+)\}/g)) {
    params[name ?? ""] = /count|line|max|id|hours|before|after/i.test(name ?? "") ? 12.5 : awkward;
  }
  return params;
}

/** Every text, in both languages, is HTML that Telegram accepts: with and without awkward parameters. */
describe("locale texts in Telegram's HTML mode", () => {
  for (const locale of ["id", "en"] as Locale[]) {
    it(`every ${locale} text parses, placeholders filled with < & and quotes`, () => {
      const refused: string[] = [];
      for (const key of Object.keys(locales[locale]) as TextKey[]) {
        const template = locales[locale][key];
        const text = translate(locale, key, sampleParams(template));
        const parsed = parseTelegramHtml(text);
        if ("error" in parsed) refused.push(`${key}: ${parsed.error}`);
        else if (template.includes("{")) expect(parsed.visible, key).not.toMatch(/\{\w+\}/);
      }
      expect(refused).toEqual([]);
    });
  }

  it("shows a parameter exactly as given", () => {
    const parsed = parseTelegramHtml(translate("id", "hr.card.employee", { name: awkward, nip: "1" }));
    expect(parsed).toEqual({ visible: `👤 ${awkward} (NIP 1)` });
  });
});
