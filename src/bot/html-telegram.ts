import { Telegram } from "telegraf";
import type { Convenience as tt } from "telegraf/types";

const HTML = { parse_mode: "HTML" } as const;

/**
 * The bot's Telegram client: every text and caption it sends is HTML (the locales write <b>, escape
 * the rest), set here once instead of at every call (issue 26). A call that must go as plain text —
 * the apology after Telegram refused a reply's HTML — passes `parse_mode: undefined`.
 */
export class HtmlTelegram extends Telegram {
  override sendMessage(chatId: number | string, text: string, extra?: tt.ExtraReplyMessage) {
    return super.sendMessage(chatId, text, { ...HTML, ...extra });
  }

  override sendPhoto(
    chatId: number | string,
    photo: Parameters<Telegram["sendPhoto"]>[1],
    extra?: tt.ExtraPhoto,
  ) {
    return super.sendPhoto(chatId, photo, { ...HTML, ...extra });
  }

  override sendDocument(
    chatId: number | string,
    document: Parameters<Telegram["sendDocument"]>[1],
    extra?: tt.ExtraDocument,
  ) {
    return super.sendDocument(chatId, document, { ...HTML, ...extra });
  }

  override editMessageText(
    chatId: number | string | undefined,
    messageId: number | undefined,
    inlineMessageId: string | undefined,
    text: string,
    extra?: tt.ExtraEditMessageText,
  ) {
    return super.editMessageText(chatId, messageId, inlineMessageId, text, { ...HTML, ...extra });
  }

  override editMessageCaption(
    chatId: number | string | undefined,
    messageId: number | undefined,
    inlineMessageId: string | undefined,
    caption: string | undefined,
    extra?: tt.ExtraEditMessageCaption,
  ) {
    return super.editMessageCaption(chatId, messageId, inlineMessageId, caption, { ...HTML, ...extra });
  }
}
