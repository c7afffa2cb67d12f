import { z } from "zod";

export interface ButtonPress<A extends string> {
  nonce: string;
  action: A;
  value: string;
}

/** The codec of one conversation's buttons. */
export interface ConversationButtons<A extends string> {
  pack(nonce: string, action: A, value?: string | number): string;
  unpack(data: string): ButtonPress<A> | null;
  pattern: RegExp;
}

/**
 * Buttons inside a conversation carry its nonce ("{prefix}:{nonce}:{action}:{value}"), so a press
 * on a keyboard from an earlier conversation is recognised as stale. Values are short opaque ids;
 * the server re-checks each one against the person's own unit.
 */
export function conversationButton<A extends string>(
  prefix: string,
  actions: readonly [A, ...A[]],
): ConversationButtons<A> {
  const schema = z.object({
    nonce: z.string().regex(/^[a-z0-9]{6}$/),
    action: z.enum(actions),
    value: z.string().regex(/^[A-Za-z0-9_]{0,24}$/),
  });
  return {
    pack(nonce: string, action: A, value: string | number = ""): string {
      const data = `${prefix}:${nonce}:${action}:${value}`;
      // Telegram rejects callback data over 64 bytes.
      if (Buffer.byteLength(data) > 64) throw new RangeError(`callback data too long: ${data}`);
      return data;
    },
    unpack(data: string): ButtonPress<A> | null {
      const [head, nonce, action, value, ...rest] = data.split(":");
      if (head !== prefix || rest.length > 0) return null;
      const parsed = schema.safeParse({ nonce, action, value: value ?? "" });
      return parsed.success ? (parsed.data as ButtonPress<A>) : null;
    },
    pattern: new RegExp(`^${prefix}:`),
  };
}
