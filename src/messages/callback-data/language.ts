import { z } from "zod";
import { isLocale, type Locale } from "../locales/index.ts";

const PREFIX = "lang:";
const schema = z.string().refine(isLocale);

/** "lang:id" / "lang:en". */
export const languageData = {
  pack: (locale: Locale) => `${PREFIX}${locale}`,
  unpack(data: string): Locale | null {
    if (!data.startsWith(PREFIX)) return null;
    const parsed = schema.safeParse(data.slice(PREFIX.length));
    return parsed.success ? (parsed.data as Locale) : null;
  },
  pattern: /^lang:/,
};
