import type { Api, Proposal } from "./api.ts";
import { el, num } from "./dom.ts";
import { pager } from "./pager.ts";
import type { T } from "./texts.ts";

/**
 * Proposals drawn at a time, the most urgent first (pending, nearest to expiry): a province's first
 * check puts thousands in flight, and each is a card with its buttons.
 */
export const PROPOSALS_PAGE = 50;

/**
 * The proposals in flight with the digest's words; Setujui / Tolak (with a reason) for an approver of
 * the agency, through the same use case as the group's buttons; Rincian opens the reasoning.
 */
export function drawProposals(
  host: HTMLElement,
  proposals: Proposal[],
  api: Api,
  t: T,
  locale: string,
  reload: (notice: string) => void,
): void {
  if (proposals.length === 0) {
    host.append(el("p", { class: "note" }, t("proposals.none")));
    return;
  }
  const list = el("div", {});
  let drawn = 0;
  const drawMore = () => {
    const next = proposals.slice(drawn, drawn + PROPOSALS_PAGE);
    list.append(...next.map((p) => card(p, api, t, locale, reload)));
    drawn += next.length;
    pages.show(drawn, proposals.length);
  };
  const words = {
    count: "proposals.count",
    more: "proposals.more",
    testId: "proposals",
    page: PROPOSALS_PAGE,
  } as const;
  const pages = pager(t, locale, words, drawMore);
  host.append(pages.count, list, pages.more);
  drawMore();
}

function card(p: Proposal, api: Api, t: T, locale: string, reload: (notice: string) => void): HTMLElement {
  const status = el("p", { class: "status", role: "status" });
  const details = el("p", { class: "reason", hidden: "" }, p.reason);
  const actions = el("div", { class: "actions" });
  const fail = (error: unknown) => {
    status.textContent = t("error", { error: error instanceof Error ? error.message : String(error) });
    for (const b of actions.querySelectorAll("button")) b.disabled = false;
  };
  const busy = () => {
    for (const b of actions.querySelectorAll("button")) b.disabled = true;
  };

  const toggle = el("button", { type: "button", class: "secondary" }, t("proposals.details"));
  toggle.addEventListener("click", () => details.toggleAttribute("hidden"));
  actions.append(toggle);

  if (p.canDecide) {
    const approve = el("button", { type: "button", "data-action": "approve" }, t("proposals.approve"));
    const reject = el(
      "button",
      { type: "button", class: "danger", "data-action": "reject" },
      t("proposals.reject"),
    );
    const reasonBox = el("textarea", {
      maxlength: "500",
      rows: "3",
      "aria-label": t("proposals.reason"),
      placeholder: t("proposals.reason"),
    });
    const sendReject = el(
      "button",
      { type: "button", class: "danger", "data-action": "send-reject" },
      t("proposals.send_reject"),
    );
    const rejectForm = el("div", { class: "reject", hidden: "" }, reasonBox, sendReject);
    approve.addEventListener("click", () => {
      busy();
      api.decide(p.id, "approve").then((r) => {
        reload(
          r.outcome === "vote"
            ? t("proposals.done.vote", { count: r.approvals ?? 0, quorum: r.quorum ?? 0 })
            : t("proposals.done.approved", { id: p.id }),
        );
      }, fail);
    });
    reject.addEventListener("click", () => {
      rejectForm.toggleAttribute("hidden");
      reasonBox.focus();
    });
    sendReject.addEventListener("click", () => {
      const reason = reasonBox.value.trim();
      if (!reason) {
        status.textContent = t("proposals.reason");
        reasonBox.focus();
        return;
      }
      busy();
      api.decide(p.id, "reject", reason).then(() => reload(t("proposals.done.rejected", { id: p.id })), fail);
    });
    actions.append(approve, reject);
    return wrap(p, t, locale, [details, actions, rejectForm, status]);
  }
  return wrap(p, t, locale, [details, actions, status]);
}

function wrap(p: Proposal, t: T, locale: string, parts: HTMLElement[]): HTMLElement {
  return el(
    "article",
    { class: `proposal proposal-${p.state}`, "data-proposal": String(p.id) },
    el("h3", {}, `#${p.id} ${p.employee.name}`),
    el("p", {}, `${p.from.name} → ${p.to.name}`),
    el(
      "p",
      { class: "meta" },
      `${p.role} · ${t(`move.${p.state}`)} · ${t("proposals.km", { km: num(p.km, locale) })}`,
      p.state === "pending"
        ? ` · ${t("proposals.approvals", { count: p.approvals.length, quorum: p.quorum })}`
        : "",
    ),
    ...parts,
  );
}
