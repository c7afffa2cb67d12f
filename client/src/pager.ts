import { el, num } from "./dom.ts";
import type { T, TextKey } from "./texts.ts";

/**
 * A long list drawn a page at a time (a province's table and proposals run to thousands): the count of
 * what is drawn above it ("200 dari 16.176 baris"), the next page offered below it ("Tampilkan 200 baris
 * lagi"). `show` says where the list stands after each drawing; `onMore` draws the next page.
 */
export function pager(
  t: T,
  locale: string,
  words: { count: TextKey; more: TextKey; testId: string; page: number },
  onMore: () => void,
): { count: HTMLElement; more: HTMLButtonElement; show: (drawn: number, total: number) => void } {
  const count = el("p", { class: "note", "data-testid": `${words.testId}-count` });
  const more = el("button", { type: "button", "data-testid": `${words.testId}-more` });
  more.addEventListener("click", onMore);
  const show = (drawn: number, total: number) => {
    count.textContent = t(words.count, { shown: num(drawn, locale, 0), total: num(total, locale, 0) });
    const left = Math.min(words.page, total - drawn);
    more.hidden = left <= 0;
    more.textContent = t(words.more, { count: num(left, locale, 0) });
  };
  return { count, more, show };
}
