import { describe, expect, it } from "vitest";
import { pageData } from "../../src/messages/callback-data/page.ts";
import {
  pageAt,
  pageEntries,
  renderPages,
  shortenEntry,
  TELEGRAM_TEXT_LIMIT,
  visibleLength,
  visibleText,
} from "../../src/messages/paging.ts";

const entry = (i: number) => `• <b>Pegawai ${i} &amp; Rekan</b> — ${"x".repeat(80)}`;

describe("visible text", () => {
  it("drops tags and decodes entities as Telegram shows them", () => {
    expect(visibleText('<b>A &amp; B</b> <a href="https://t.me/c/1/2">#1</a> &lt;3 &#65;&#x42;')).toBe(
      "A & B #1 <3 AB",
    );
    expect(visibleLength("<i>é😀</i>")).toBe(3);
  });
});

describe("pageEntries", () => {
  it("keeps every entry whole, in order, and each page within the budget", () => {
    const entries = Array.from({ length: 120 }, (_, i) => entry(i));
    const pages = pageEntries(entries, 100, { limit: 1000 });
    expect(pages.flat()).toEqual(entries);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(visibleLength(page.join("\n")) + 100).toBeLessThanOrEqual(1000);
  });

  it("fills a page as far as it goes before starting the next", () => {
    const pages = pageEntries(["aaaa", "bbbb", "cccc"], 0, { limit: 9 });
    expect(pages).toEqual([["aaaa", "bbbb"], ["cccc"]]);
  });

  it("starts a new page after maxEntries", () => {
    expect(pageEntries(["a", "b", "c", "d", "e"], 0, { maxEntries: 2 })).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e"],
    ]);
  });

  it("shortens an entry too long for any page to plain text, without cutting a tag", () => {
    const long = `<b>${"&amp;".repeat(50)}</b>`;
    const [[only]] = pageEntries([long], 0, { limit: 20 }) as [[string]];
    expect(visibleLength(only)).toBe(20);
    expect(only).toBe(`${"&amp;".repeat(19)}…`);
    expect(shortenEntry("<b>kecil</b>", 20)).toBe("<b>kecil</b>");
  });

  it("gives one empty page for no entries, and refuses a frame that leaves no room", () => {
    expect(pageEntries([], 10)).toEqual([[]]);
    expect(() => pageEntries(["a"], 5000)).toThrow(RangeError);
  });
});

describe("renderPages", () => {
  it("frames each page with its number and keeps every page under Telegram's limit", () => {
    const entries = Array.from({ length: 300 }, (_, i) => entry(i));
    const pages = renderPages(
      entries,
      (body, page, pages) => `<b>Daftar</b> (halaman ${page}/${pages})\n${body}`,
    );
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((text, i) => {
      expect(visibleLength(text)).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
      expect(text.startsWith(`<b>Daftar</b> (halaman ${i + 1}/${pages.length})\n`)).toBe(true);
    });
    expect(entries.every((e) => pages.some((p) => p.includes(e)))).toBe(true);
  });

  it("keeps a short list on one page", () => {
    expect(renderPages(["a", "b"], (body, page, pages) => `${page}/${pages}:${body}`)).toEqual(["1/1:a\nb"]);
  });

  it("pageAt answers null past either end", () => {
    expect(pageAt(["x", "y"], 2)).toBe("y");
    expect(pageAt(["x", "y"], 3)).toBeNull();
    expect(pageAt(["x", "y"], 0)).toBeNull();
  });
});

describe("page callback data", () => {
  it("round-trips kind and page, well under 64 bytes", () => {
    for (const kind of ["staff", "pending", "audit"] as const) {
      const data = pageData.pack(kind, 999);
      expect(Buffer.byteLength(data)).toBeLessThan(16);
      expect(pageData.unpack(data)).toEqual({ kind, page: 999 });
      expect(pageData.patternFor(kind).test(data)).toBe(true);
    }
  });

  it("refuses anything else", () => {
    for (const bad of ["pg:s:0", "pg:x:1", "pg:s:1000", "pg:s:-1", "pg:s:1:2", "pg:s:a", "p:a:1"]) {
      expect(pageData.unpack(bad)).toBeNull();
    }
  });
});
