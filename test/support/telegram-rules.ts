// What the real Bot API refuses, in one place, with Telegram's own error texts. Both stand-ins (the
// in-process recorder and the HTTP server) ask this module before they accept a call, so a text or a
// button that Telegram would refuse fails the tests instead of production.

/** The body Telegram answers when it refuses a call. */
export interface Refusal {
  ok: false;
  error_code: number;
  description: string;
}

export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
export const CALLBACK_DATA_LIMIT = 64;
export const BUTTON_LIMIT = 100;
/** Telegram stops accepting answers to a callback query after about 15 minutes. */
export const CALLBACK_QUERY_TTL_MS = 15 * 60 * 1000;

const ALLOWED_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "a",
  "code",
  "pre",
  "blockquote",
  "span",
  "tg-spoiler",
  "tg-emoji",
]);
const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

function refusal(description: string): Refusal {
  return { ok: false, error_code: 400, description: `Bad Request: ${description}` };
}

function byteOffset(text: string, index: number): number {
  return Buffer.byteLength(text.slice(0, index), "utf8");
}

/**
 * Parses Telegram's HTML the way the Bot API does: returns the visible text, or the reason it is
 * refused ("can't parse entities: …").
 */
export function parseTelegramHtml(text: string): { visible: string } | { error: string } {
  const open: string[] = [];
  let visible = "";
  let i = 0;
  const fail = (reason: string) => ({ error: `can't parse entities: ${reason}` });
  while (i < text.length) {
    const ch = text[i] ?? "";
    if (ch === "&") {
      const entity = /^&(?:([a-zA-Z]+)|#(\d+)|#x([0-9a-fA-F]+));/.exec(text.slice(i, i + 12));
      const named = entity?.[1] !== undefined ? NAMED_ENTITIES[entity[1]] : undefined;
      const code =
        entity?.[2] !== undefined
          ? Number(entity[2])
          : entity?.[3] !== undefined
            ? parseInt(entity[3], 16)
            : undefined;
      if (!entity || (named === undefined && (code === undefined || code > 0x10ffff))) {
        return fail(`Unsupported entity "${text.slice(i, i + 8)}" at byte offset ${byteOffset(text, i)}`);
      }
      visible += named ?? String.fromCodePoint(code ?? 0);
      i += entity[0].length;
      continue;
    }
    if (ch === ">") return fail(`Unexpected ">" at byte offset ${byteOffset(text, i)}`);
    if (ch !== "<") {
      visible += ch;
      i += 1;
      continue;
    }
    const end = text.indexOf(">", i);
    if (end < 0) return fail(`Unclosed start tag at byte offset ${byteOffset(text, i)}`);
    const inside = text.slice(i + 1, end);
    if (inside.startsWith("/")) {
      const name = inside.slice(1).trim().toLowerCase();
      const expected = open.pop();
      if (expected === undefined) return fail(`Unexpected end tag at byte offset ${byteOffset(text, i)}`);
      if (name !== expected) {
        return fail(
          `Unmatched end tag at byte offset ${byteOffset(text, i)}, expected "</${expected}>", found "</${name}>"`,
        );
      }
    } else {
      const name = (/^[^\s/]*/.exec(inside)?.[0] ?? "").toLowerCase();
      if (!ALLOWED_TAGS.has(name)) {
        return fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(text, i)}`);
      }
      const attributes = inside.slice(name.length);
      const problem = checkAttributes(name, attributes);
      if (problem) return fail(`${problem} at byte offset ${byteOffset(text, i)}`);
      open.push(name);
    }
    i = end + 1;
  }
  const unclosed = open.at(-1);
  if (unclosed !== undefined) return fail(`Can't find end tag corresponding to start tag "${unclosed}"`);
  return { visible };
}

function checkAttributes(tag: string, attributes: string): string | null {
  const pairs = [...attributes.matchAll(/\s+([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)];
  const rest = attributes.replace(/\s+([a-zA-Z-]+)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+)/g, "").trim();
  if (rest !== "") return `Unexpected attribute text "${rest}" of the tag "${tag}"`;
  const values = new Map(pairs.map((p) => [p[1]?.toLowerCase() ?? "", p[2] ?? p[3] ?? p[4] ?? ""]));
  if (tag === "span" && values.get("class") !== "tg-spoiler")
    return `Tag "span" must have class "tg-spoiler"`;
  if (tag === "tg-emoji" && !values.has("emoji-id")) return `Tag "tg-emoji" must have attribute "emoji-id"`;
  return null;
}

/** What Telegram shows of a text (tags removed, entities decoded), or why it refuses the markup. */
function visibleText(text: string, parseMode: unknown): { visible: string } | { error: string } {
  return parseMode === "HTML" ? parseTelegramHtml(text) : { visible: text };
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  if (typeof value === "string") {
    try {
      return JSON.parse(value) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
}

function checkMarkup(markup: unknown, chatId: unknown): Refusal | null {
  const keyboard = asObject(markup)?.inline_keyboard;
  if (!Array.isArray(keyboard)) return null;
  const buttons = keyboard.flatMap((row: unknown) => (Array.isArray(row) ? row : [])) as Array<
    Record<string, unknown>
  >;
  if (buttons.length > BUTTON_LIMIT) return refusal("reply markup is too long");
  for (const button of buttons) {
    // Telegram takes web_app buttons in private chats only (a group gets a URL to the direct link),
    // and opens Mini Apps over https only.
    const webApp = asObject(button.web_app);
    if (webApp) {
      if (Number(chatId) < 0) return refusal("BUTTON_TYPE_INVALID");
      if (typeof webApp.url !== "string" || !webApp.url.startsWith("https://"))
        return refusal("BUTTON_URL_INVALID");
    }
    if (button.url !== undefined && !/^(https?|tg):\/\//.test(String(button.url)))
      return refusal("BUTTON_URL_INVALID");
    const data = button.callback_data;
    if (data === undefined) continue;
    if (typeof data !== "string" || data === "" || Buffer.byteLength(data, "utf8") > CALLBACK_DATA_LIMIT)
      return refusal("BUTTON_DATA_INVALID");
  }
  return null;
}

function checkText(text: unknown, parseMode: unknown, limit: number, kind: "text" | "caption") {
  const parsed = visibleText(typeof text === "string" ? text : "", parseMode);
  if ("error" in parsed) return refusal(parsed.error);
  if (kind === "text" && parsed.visible.trim() === "") return refusal("message text is empty");
  // Telegram counts UTF-16 code units, as JavaScript's length does.
  if (parsed.visible.length > limit)
    return refusal(kind === "text" ? "message is too long" : "message caption is too long");
  return null;
}

/** A message the chat holds: what an edit must differ from. */
interface KnownMessage {
  content: string;
  /** JSON of the inline keyboard; null when unknown (a pressed message whose buttons we did not see). */
  markup: string | null;
}

function markupKey(markup: unknown): string {
  const keyboard = asObject(markup)?.inline_keyboard;
  return Array.isArray(keyboard) && keyboard.length > 0 ? JSON.stringify(keyboard) : "";
}

/**
 * What a stand-in knows of the chats: the messages that exist (sent by the bot or seen in an update)
 * and when each callback query was delivered.
 */
const SCOPES = new Set([
  "default",
  "all_private_chats",
  "all_group_chats",
  "all_chat_administrators",
  "chat",
  "chat_administrators",
  "chat_member",
]);

/**
 * setMyCommands: at most 100 commands, each 1–32 of a–z, 0–9 and _, with a description of 1–256
 * characters; a scope Telegram knows, with its chat where it needs one.
 */
function checkCommands(payload: Record<string, unknown>): Refusal | null {
  const commands = payload.commands;
  if (!Array.isArray(commands)) return refusal("can't parse commands JSON object");
  if (commands.length > 100) return refusal("BOT_COMMANDS_TOO_MUCH");
  for (const entry of commands) {
    const command = asObject(entry);
    if (!command || typeof command.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(command.command))
      return refusal("BOT_COMMAND_INVALID");
    const description = command.description;
    if (typeof description !== "string" || description.trim().length === 0)
      return refusal("command description must be non-empty");
    if (description.length > 256) return refusal("BOT_COMMAND_DESCRIPTION_INVALID");
  }
  const scope = asObject(payload.scope);
  if (payload.scope !== undefined) {
    if (!scope || !SCOPES.has(String(scope.type))) return refusal("can't parse BotCommandScope");
    if (String(scope.type).startsWith("chat") && scope.chat_id === undefined)
      return refusal("chat not found");
  }
  return null;
}

/**
 * setChatMenuButton: a private chat's button (a group has none), of a type Telegram knows; a web_app
 * one with a text and an https URL.
 */
function checkMenuButton(payload: Record<string, unknown>): Refusal | null {
  if (payload.chat_id !== undefined && Number(payload.chat_id) < 0) return refusal("chat not found");
  const button = asObject(payload.menu_button);
  if (payload.menu_button === undefined) return null;
  if (!button || !["commands", "web_app", "default"].includes(String(button.type)))
    return refusal("can't parse menu button");
  if (button.type !== "web_app") return null;
  if (typeof button.text !== "string" || button.text.trim() === "") return refusal("text is empty");
  const url = asObject(button.web_app)?.url;
  if (typeof url !== "string" || !url.startsWith("https://")) return refusal("BUTTON_URL_INVALID");
  return null;
}

export class TelegramRules {
  private readonly messages = new Map<string, KnownMessage>();
  private readonly queries = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Registers what an update proves exists: its message, and its callback query with the time it arrived. */
  seeUpdate(update: Record<string, unknown>): void {
    const query = asObject(update.callback_query);
    if (query) {
      this.queries.set(String(query.id), this.now());
      const message = asObject(query.message);
      if (message) this.seeMessage(message, message.reply_markup ? markupKey(message.reply_markup) : null);
    }
    for (const field of ["message", "edited_message", "channel_post"]) {
      const message = asObject(update[field]);
      if (message) this.seeMessage(message, markupKey(message.reply_markup));
    }
  }

  private seeMessage(message: Record<string, unknown>, markup: string | null): void {
    const chat = asObject(message.chat)?.id;
    const content = String(message.text ?? message.caption ?? "");
    this.messages.set(`${String(chat)}:${String(message.message_id)}`, { content, markup });
  }

  /** The refusal Telegram would answer to this call, or null when it accepts it. */
  check(method: string, payload: Record<string, unknown>): Refusal | null {
    if (method === "setMyCommands") return checkCommands(payload);
    if (method === "setChatMenuButton") return checkMenuButton(payload);
    const markup = checkMarkup(payload.reply_markup, payload.chat_id);
    if (method === "sendMessage")
      return checkText(payload.text, payload.parse_mode, TEXT_LIMIT, "text") ?? markup;
    if (/^send(Photo|Document|Video|Audio|Animation|Voice)$/.test(method) || method === "copyMessage") {
      if (payload.caption !== undefined) {
        const caption = checkText(payload.caption, payload.parse_mode, CAPTION_LIMIT, "caption");
        if (caption) return caption;
      }
      return markup;
    }
    if (
      method === "editMessageText" ||
      method === "editMessageCaption" ||
      method === "editMessageReplyMarkup"
    ) {
      const content =
        method === "editMessageText"
          ? checkText(payload.text, payload.parse_mode, TEXT_LIMIT, "text")
          : method === "editMessageCaption"
            ? checkText(payload.caption ?? "", payload.parse_mode, CAPTION_LIMIT, "caption")
            : null;
      if (content ?? markup) return content ?? markup;
      if (payload.inline_message_id !== undefined) return null;
      const known = this.messages.get(`${String(payload.chat_id)}:${String(payload.message_id)}`);
      if (!known) return refusal("message to edit not found");
      const nextContent = method === "editMessageReplyMarkup" ? known.content : this.contentOf(payload);
      if (nextContent === known.content && markupKey(payload.reply_markup) === known.markup) {
        return refusal(
          "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
        );
      }
      return null;
    }
    if (method === "answerCallbackQuery") {
      const deliveredAt = this.queries.get(String(payload.callback_query_id));
      // A query this stand-in did not deliver (the demo feeds bot.handleUpdate itself) has no known age.
      if (deliveredAt !== undefined && this.now() - deliveredAt > CALLBACK_QUERY_TTL_MS)
        return refusal("query is too old and response timeout expired or query ID is invalid");
    }
    return null;
  }

  private contentOf(payload: Record<string, unknown>): string {
    return String(payload.text ?? payload.caption ?? "");
  }

  /** After Telegram accepted a call: the chat now holds the sent or edited message. */
  accepted(method: string, payload: Record<string, unknown>, messageId: number | undefined): void {
    const chat = String(payload.chat_id);
    if (method.startsWith("send") && messageId !== undefined) {
      this.messages.set(`${chat}:${messageId}`, {
        content: this.contentOf(payload),
        markup: markupKey(payload.reply_markup),
      });
      return;
    }
    if (!method.startsWith("editMessage") || payload.inline_message_id !== undefined) return;
    const key = `${chat}:${String(payload.message_id)}`;
    const known = this.messages.get(key);
    if (!known) return;
    this.messages.set(key, {
      content: method === "editMessageReplyMarkup" ? known.content : this.contentOf(payload),
      // Editing the text without a keyboard removes the keyboard, as Telegram does.
      markup: markupKey(payload.reply_markup),
    });
  }
}
