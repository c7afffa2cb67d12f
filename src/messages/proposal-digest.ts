// The digest of one check in one HR group (issue 14): the summary and the proposals grouped by
// destination school, a page at a time, each proposal decided by its own numbered buttons.
import type { InlineKeyboardButton } from "telegraf/types";
import { parseProposalMetrics } from "../domain/proposal-metrics.ts";
import { formatDateTime } from "../domain/time.ts";
import { digestPageData } from "./callback-data/digest.ts";
import { proposalData } from "./callback-data/proposal.ts";
import { formatHours, formatLoad } from "./format.ts";
import { Html, translate, type Locale, type TextKey, type TextParams } from "./locales/index.ts";
import { moveHours, originLeft, roleChange, shortageChange, shortageLeft } from "./move-words.ts";
import { PAGE_TEXT_LIMIT, shortenEntry, visibleLength } from "./paging.ts";
import {
  approverNames,
  lateObjection,
  objectionLine,
  outcomeLine,
  type ProposalForCard,
  type RenderedCard,
} from "./proposal-card.ts";

/** Proposals per page: three buttons each, so a page's keyboard stays readable on a phone. */
export const DIGEST_PROPOSALS_PER_PAGE = 5;

export interface DigestForRender {
  id: number;
  runId: number;
  agency: { name: string };
  quorum: number;
  proposals: Array<ProposalForCard & { toUnit: { name: string; code: string } }>;
  /** The Mini App's direct link: the digest then carries a button to see it on the map (issue 27). */
  miniApp?: string | null;
}

export interface RenderedDigest extends RenderedCard {
  page: number;
  pages: number;
}

type Proposal = DigestForRender["proposals"][number];

interface Chunk {
  text: string;
  proposals: Proposal[];
}

/** The shortage now of the role this proposal fills at its destination, for ordering the schools. */
function shortageOf(p: Proposal): number {
  const h = moveHours(parseProposalMetrics(p.metrics));
  return h ? Math.max(0, h.toNeed - h.toHave) : 0;
}

/** Schools most short first (as the alert lists them), then by name; each school's proposals by number. */
function bySchool(proposals: readonly Proposal[]): Proposal[][] {
  const groups = new Map<string, Proposal[]>();
  for (const p of [...proposals].sort((a, b) => a.id - b.id)) {
    groups.set(p.toUnit.code, [...(groups.get(p.toUnit.code) ?? []), p]);
  }
  const short = (g: Proposal[]) => Math.max(...g.map(shortageOf));
  return [...groups.values()].sort(
    (a, b) => short(b) - short(a) || (a[0]?.toUnit.name ?? "").localeCompare(b[0]?.toUnit.name ?? ""),
  );
}

function schoolHeader(locale: Locale, group: Proposal[], continued: boolean): string[] {
  const first = group[0];
  if (!first) return [];
  const t = (key: TextKey, params?: TextParams) => translate(locale, key, params);
  const lines = [t(continued ? "digest.school_continued" : "digest.school", { unit: first.toUnit.name })];
  if (continued) return lines;
  const seen = new Set<string>();
  for (const p of group) {
    const h = moveHours(parseProposalMetrics(p.metrics));
    if (!h || seen.has(p.role.name)) continue;
    seen.add(p.role.name);
    const teaching = h.unit === "JP";
    lines.push(
      t("digest.school_role", {
        role: p.role.name,
        now: new Html(shortageLeft(locale, h.toNeed, h.toHave, h.unit)),
        loadNow: new Html(formatLoad(locale, h.toNeed, h.toHave, teaching)),
        plan: new Html(shortageLeft(locale, h.toNeed, h.toHavePlan, h.unit)),
        loadPlan: new Html(formatLoad(locale, h.toNeed, h.toHavePlan, teaching)),
      }),
    );
  }
  return lines;
}

function proposalEntry(locale: Locale, timeZone: string, quorum: number, p: Proposal): string[] {
  const t = (key: TextKey, params?: TextParams) => translate(locale, key, params);
  const h = moveHours(parseProposalMetrics(p.metrics));
  const base = { id: String(p.id), name: p.employee.name, from: p.fromUnit.name };
  const lines = h
    ? [
        t("digest.item", {
          ...base,
          role: roleChange(locale, parseProposalMetrics(p.metrics).fromRole, p.role.name),
          hours: formatHours(locale, h.person, h.unit),
        }),
        t("digest.item_change", {
          change: new Html(shortageChange(locale, h)),
          from: p.fromUnit.name,
          left: new Html(originLeft(locale, h.fromNeed, h.fromHave - h.person, h.unit)),
        }),
      ]
    : [t("digest.item_old", base)];
  if (p.redistribution) lines.push(t("digest.item_state", { state: new Html(t("redistribution.line")) }));
  if (p.status !== "PENDING") {
    lines.push(t("digest.item_state", { state: new Html(outcomeLine(p, locale, timeZone)) }));
  } else {
    const approvals = (p.decisions ?? []).filter((d) => d.verdict === "APPROVE").length;
    if (approvals > 0 && quorum > 1) {
      const progress = t("hr.card.progress", { count: approvals, quorum, names: approverNames(p) });
      lines.push(t("digest.item_state", { state: new Html(progress) }));
    }
    const objection = objectionLine(p, locale, timeZone);
    if (objection) lines.push(t("digest.item_state", { state: new Html(objection) }));
  }
  return lines;
}

/** Schools cut into runs of at most a page's proposals, each run with its heading. */
function chunksOf(digest: DigestForRender, locale: Locale, timeZone: string): Chunk[] {
  const chunks: Chunk[] = [];
  for (const group of bySchool(digest.proposals)) {
    for (let i = 0; i < group.length; i += DIGEST_PROPOSALS_PER_PAGE) {
      const part = group.slice(i, i + DIGEST_PROPOSALS_PER_PAGE);
      const lines = [
        ...schoolHeader(locale, group, i > 0),
        ...part.flatMap((p) => proposalEntry(locale, timeZone, digest.quorum, p)),
      ];
      chunks.push({ text: lines.join("\n"), proposals: part });
    }
  }
  return chunks;
}

function frame(digest: DigestForRender, locale: Locale, timeZone: string, page: number, pages: number) {
  const t = (key: TextKey, params?: TextParams) => translate(locale, key, params);
  const count = (...statuses: string[]) => digest.proposals.filter((p) => statuses.includes(p.status)).length;
  // The team's approval stays an approval when the SK follows and when it takes effect.
  const approved = count("APPROVED", "DECREED", "EFFECTIVE");
  const cancelled = count("CANCELLED");
  const other = digest.proposals.length - count("PENDING") - approved - count("REJECTED") - cancelled;
  const head = [
    t("digest.title", { agency: digest.agency.name, run: String(digest.runId) }),
    t("digest.counts", {
      total: digest.proposals.length,
      pending: count("PENDING"),
      approved,
      rejected: count("REJECTED"),
      other: new Html(
        (cancelled > 0 ? t("digest.counts_cancelled", { count: cancelled }) : "") +
          (other > 0 ? t("digest.counts_other", { count: other }) : ""),
      ),
    }),
    ...(count("PENDING") > 0 ? [t("digest.how")] : []),
    ...(pages > 1 ? [t("digest.page", { page, pages })] : []),
  ];
  const expires = digest.proposals.find((p) => p.status === "PENDING")?.expiresAt;
  const foot = expires ? [t("digest.expires", { at: formatDateTime(expires, timeZone) })] : [];
  return (body: string) => [...head, "", body, ...(foot.length ? ["", ...foot] : [])].join("\n");
}

/** The digest's pages: which proposals each shows, and its body, at most a page's proposals and characters. */
export function digestPages(digest: DigestForRender, locale: Locale, timeZone: string): Chunk[] {
  const chunks = chunksOf(digest, locale, timeZone);
  // The frame measured with the widest page numbers, so the real ones never make a page longer.
  const widest = Math.max(1, chunks.length);
  const budget = PAGE_TEXT_LIMIT - visibleLength(frame(digest, locale, timeZone, widest, widest)(""));
  const pages: Chunk[] = [];
  for (const chunk of chunks) {
    const text = shortenEntry(chunk.text, budget);
    const last = pages.at(-1);
    const fits =
      last &&
      last.proposals.length + chunk.proposals.length <= DIGEST_PROPOSALS_PER_PAGE &&
      visibleLength(last.text) + 2 + visibleLength(text) <= budget;
    if (last && fits) {
      last.text = `${last.text}\n\n${text}`;
      last.proposals.push(...chunk.proposals);
    } else pages.push({ text, proposals: [...chunk.proposals] });
  }
  return pages.length > 0 ? pages : [{ text: "", proposals: [] }];
}

/** The page that shows this proposal (1-based), or 1. */
export function digestPageOf(
  digest: DigestForRender,
  proposalId: number,
  locale: Locale,
  timeZone: string,
): number {
  const index = digestPages(digest, locale, timeZone).findIndex((p) =>
    p.proposals.some((q) => q.id === proposalId),
  );
  return index >= 0 ? index + 1 : 1;
}

/**
 * One page of the digest with its buttons: Setujui / Tolak / Rincian for each waiting proposal on
 * it (Rincian only for a decided one), then ◀ Halaman k/n ▶. A page past the end shows the last.
 */
export function renderDigest(
  digest: DigestForRender,
  page: number,
  locale: Locale,
  timeZone: string,
): RenderedDigest {
  const pages = digestPages(digest, locale, timeZone);
  const shown = Math.min(Math.max(1, page), pages.length);
  const current = pages[shown - 1] ?? { text: "", proposals: [] };
  const t = (key: TextKey, params?: TextParams) => translate(locale, key, params);
  const rows: InlineKeyboardButton[][] = current.proposals.map((p) => {
    const id = String(p.id);
    const details = {
      text: t("digest.button.details", { id }),
      callback_data: proposalData.pack("details", p.id),
    };
    if (p.status !== "PENDING") return [details];
    if (lateObjection(p)?.awaitsReview) {
      // Approval waits for the team's look at the objection: Sudah ditinjau takes Setujui's place.
      return [
        { text: t("digest.button.reviewed", { id }), callback_data: proposalData.pack("reviewed", p.id) },
        { text: t("digest.button.reject", { id }), callback_data: proposalData.pack("reject", p.id) },
        details,
      ];
    }
    return [
      { text: t("digest.button.approve", { id }), callback_data: proposalData.pack("approve", p.id) },
      { text: t("digest.button.reject", { id }), callback_data: proposalData.pack("reject", p.id) },
      details,
    ];
  });
  if (pages.length > 1) {
    const nav: InlineKeyboardButton[] = [];
    if (shown > 1)
      nav.push({ text: t("paging.previous"), callback_data: digestPageData.pack(digest.id, shown - 1) });
    nav.push({
      text: t("paging.indicator", { page: shown, pages: pages.length }),
      callback_data: digestPageData.pack(digest.id, shown),
    });
    if (shown < pages.length)
      nav.push({ text: t("paging.next"), callback_data: digestPageData.pack(digest.id, shown + 1) });
    rows.push(nav);
  }
  // A URL button: Telegram allows web_app buttons in private chats only; the direct link opens the
  // Mini App from a group, at its Usulan page.
  if (digest.miniApp)
    rows.push([{ text: t("digest.button.mini_app"), url: `${digest.miniApp}?startapp=usulan` }]);
  return {
    text: frame(digest, locale, timeZone, shown, pages.length)(current.text),
    reply_markup: { inline_keyboard: rows },
    page: shown,
    pages: pages.length,
  };
}
