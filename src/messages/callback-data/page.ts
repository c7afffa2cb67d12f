import { z } from "zod";

/** The lists shown a page at a time: a unit's staff, an agency's pending proposals, the audit trail. */
export type ListKind = "staff" | "pending" | "audit";

const letters: Record<ListKind, string> = { staff: "s", pending: "u", audit: "a" };
const byLetter: Record<string, ListKind> = { s: "staff", u: "pending", a: "audit" };

/** Lists longer than this many pages are not a list any more; the codec refuses them. */
export const MAX_PAGE = 999;

const schema = z.object({
  letter: z.enum(["s", "u", "a"]),
  page: z.coerce.number().int().min(1).max(MAX_PAGE),
});

/**
 * "pg:s:2": the list and the page only. Whose list it is (the head's unit, the group's agency) is
 * read again from the presser and the chat, and the page is rendered from the database as it is now.
 */
export const pageData = {
  pack: (kind: ListKind, page: number) => `pg:${letters[kind]}:${page}`,
  unpack(data: string): { kind: ListKind; page: number } | null {
    const match = /^pg:([a-z]):(\d{1,3})$/.exec(data);
    if (!match) return null;
    const parsed = schema.safeParse({ letter: match[1], page: match[2] });
    if (!parsed.success) return null;
    const kind = byLetter[parsed.data.letter];
    return kind ? { kind, page: parsed.data.page } : null;
  },
  /** The presses of one list kind. */
  patternFor: (kind: ListKind) => new RegExp(`^pg:${letters[kind]}:`),
};
