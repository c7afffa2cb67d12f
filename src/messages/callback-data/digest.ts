import { z } from "zod";
import { MAX_PAGE } from "./page.ts";

const schema = z.object({
  digestId: z.coerce.number().int().positive().max(2_147_483_647),
  page: z.coerce.number().int().min(1).max(MAX_PAGE),
});

/**
 * "dg:17:2": ◀ ▶ on a check's digest, its id and the page only. Which group may see it is read
 * again from the chat, and the page is rendered from the database as it is now.
 */
export const digestPageData = {
  pack: (digestId: number, page: number) => `dg:${digestId}:${page}`,
  unpack(data: string): { digestId: number; page: number } | null {
    const match = /^dg:(\d{1,10}):(\d{1,3})$/.exec(data);
    if (!match) return null;
    const parsed = schema.safeParse({ digestId: match[1], page: match[2] });
    return parsed.success ? parsed.data : null;
  },
  pattern: /^dg:/,
};
