import { z } from "zod";
import { conversationButton } from "./conversation-button.ts";

/** /saya: "me:{nonce}:{action}:{value}" (a reason code for `reason`). */
export const statementData = conversationButton("me", [
  "willing",
  "unwilling",
  "prefs",
  "clear",
  "reason",
  "nonote",
] as const);

const noticeSchema = z.object({ employeeId: z.coerce.number().int().positive() });

/**
 * "Tanggapi" under a notice letter: "nr:{employeeId}". It carries whom the letter is about; the
 * press is honoured only from that person's own account.
 */
export const noticeResponseData = {
  pack: (employeeId: number) => `nr:${employeeId}`,
  unpack(data: string): { employeeId: number } | null {
    const match = /^nr:(\d{1,10})$/.exec(data);
    const parsed = match ? noticeSchema.safeParse({ employeeId: match[1] }) : null;
    return parsed?.success ? parsed.data : null;
  },
  pattern: /^nr:/,
};
