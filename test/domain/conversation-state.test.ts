import { describe, expect, it } from "vitest";
import {
  CONVERSATION_TIMEOUT_MS,
  DONE_STEP,
  isExpired,
  isOpen,
  isPassive,
  type ConversationState,
} from "../../src/domain/conversation-state.ts";
import {
  decimalAnswer,
  pastDateAnswer,
  readAnswer,
  shortTextAnswer,
  wholeNumberAnswer,
} from "../../src/domain/report-answers.ts";

function makeState(overrides: Partial<ConversationState> = {}): ConversationState {
  return {
    name: "vacancy",
    step: "count",
    data: {},
    nonce: "abc123",
    touchedAt: "2026-11-30T00:00:00.000Z",
    ...overrides,
  };
}

describe("conversation state rules", () => {
  const touched = new Date("2026-11-30T00:00:00Z").getTime();

  it("expires an open conversation only after 30 minutes of silence", () => {
    expect(isExpired(makeState(), new Date(touched + CONVERSATION_TIMEOUT_MS))).toBe(false);
    expect(isExpired(makeState(), new Date(touched + CONVERSATION_TIMEOUT_MS + 1))).toBe(true);
  });

  it("never expires a sent conversation, which keeps its nonce for a second Kirim", () => {
    const sent = makeState({ step: DONE_STEP });
    expect(isOpen(sent)).toBe(false);
    expect(isExpired(sent, new Date(touched + 2 * CONVERSATION_TIMEOUT_MS))).toBe(false);
  });

  it("tells a list left on screen from a question waiting for an answer", () => {
    expect(isPassive(makeState({ data: { passive: true } }))).toBe(true);
    expect(isPassive(makeState({ data: { passive: false } }))).toBe(false);
    expect(isOpen(null)).toBe(false);
  });
});

describe("answer schemas", () => {
  it("give the value, or the one problem the person is told about", () => {
    expect(readAnswer(wholeNumberAnswer(1, 50), " 12 ")).toEqual({ ok: true, value: 12 });
    expect(readAnswer(wholeNumberAnswer(1, 50), "2,5")).toEqual({ ok: false, problem: "not_whole" });
    expect(readAnswer(wholeNumberAnswer(1, 50), "51")).toEqual({ ok: false, problem: "too_large" });
    expect(readAnswer(decimalAnswer(0, 60), "24,5")).toEqual({ ok: true, value: 24.5 });
    expect(readAnswer(decimalAnswer(0, 60), "abc")).toEqual({ ok: false, problem: "not_number" });
    expect(readAnswer(shortTextAnswer(3, 10), "  ab ")).toEqual({ ok: false, problem: "too_short" });
    expect(readAnswer(shortTextAnswer(3, 10), " a   b c ")).toEqual({ ok: true, value: "a b c" });
    const today = new Date("2026-11-30T00:00:00Z");
    expect(readAnswer(pastDateAnswer(today), "01-12-2026")).toEqual({ ok: false, problem: "future" });
    expect(readAnswer(pastDateAnswer(today), "31-02-2026")).toEqual({ ok: false, problem: "impossible" });
  });

  it("are zod schemas whose issue names the problem", () => {
    const parsed = wholeNumberAnswer(1, 50).schema.safeParse("0");
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(["too_small"]);
  });
});
