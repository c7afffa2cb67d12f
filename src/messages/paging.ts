import { escapeHtml } from "./locales/index.ts";

/** Telegram refuses a text longer than this ("message is too long"), counted after entities are parsed. */
export const TELEGRAM_TEXT_LIMIT = 4096;
/** Pages stay a little under the limit, so a label or a changed number never pushes one over. */
export const PAGE_TEXT_LIMIT = 3800;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** What Telegram shows of a text in HTML mode: tags removed, entities decoded. */
export function visibleText(html: string): string {
  return html.replace(/<[^>]*>/g, "").replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Length as Telegram counts it: UTF-16 code units of the visible text (what String.length counts). */
export function visibleLength(html: string): number {
  return visibleText(html).length;
}

/**
 * An entry too long for a page on its own is shown as plain text, cut with "…": cutting the
 * markup itself could leave a tag open, which Telegram refuses.
 */
export function shortenEntry(entry: string, budget: number): string {
  if (visibleLength(entry) <= budget) return entry;
  const text = visibleText(entry);
  return escapeHtml(`${text.slice(0, Math.max(0, budget - 1))}…`);
}

export interface PageOptions {
  /** Visible characters allowed per page, frame included. */
  limit?: number;
  /** Between two entries on a page. */
  separator?: string;
  /** At most this many entries per page (e.g. one button per entry, and a keyboard has room for 100). */
  maxEntries?: number;
}

/**
 * Groups rendered entries into pages whose body fits `limit - frameLength` visible characters.
 * An entry is never split across pages; one too long for any page is shortened on its own page.
 */
export function pageEntries(
  entries: readonly string[],
  frameLength: number,
  options: PageOptions = {},
): string[][] {
  const limit = options.limit ?? PAGE_TEXT_LIMIT;
  const separator = visibleLength(options.separator ?? "\n");
  const maxEntries = options.maxEntries ?? Number.POSITIVE_INFINITY;
  const budget = limit - frameLength;
  if (budget <= 0) throw new RangeError(`the frame alone (${frameLength}) leaves no room under ${limit}`);
  const pages: string[][] = [];
  let page: string[] = [];
  let used = 0;
  for (const raw of entries) {
    const entry = shortenEntry(raw, budget);
    const cost = visibleLength(entry);
    const extra = page.length === 0 ? cost : separator + cost;
    if (page.length > 0 && (used + extra > budget || page.length >= maxEntries)) {
      pages.push(page);
      page = [];
      used = 0;
    }
    used += page.length === 0 ? cost : separator + cost;
    page.push(entry);
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/** Page body and numbers, framed into one message text by the caller (title, page indicator, footer). */
export type PageFrame = (body: string, page: number, pages: number) => string;

/**
 * Renders entries as pages, each at most `limit` visible characters. The frame is measured with
 * the widest page numbers possible, so the real ones never make a page longer than measured.
 */
export function renderPages(
  entries: readonly string[],
  frame: PageFrame,
  options: PageOptions = {},
): string[] {
  const separator = options.separator ?? "\n";
  const widest = Math.max(1, entries.length);
  const frameLength = visibleLength(frame("", widest, widest));
  const groups = pageEntries(entries, frameLength, options);
  return groups.map((group, i) => frame(group.join(separator), i + 1, groups.length));
}

/** The 1-based page `page` of `pages`, or null when the list has become shorter than that. */
export function pageAt<T>(pages: readonly T[], page: number): T | null {
  return Number.isInteger(page) && page >= 1 && page <= pages.length ? (pages[page - 1] ?? null) : null;
}
