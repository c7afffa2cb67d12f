// Every refusal a stand-in answers is kept here, so vitest's strict setup (strict-telegram.ts) can
// fail a test that made Telegram refuse something it did not expect.
import type { Refusal } from "./telegram-rules.ts";

/** One refusal a stand-in answered, kept so the strict test setup can fail unexpected ones. */
export interface RefusalRecord extends Refusal {
  method: string;
  payload: Record<string, unknown>;
  /** An injected fault the test asked for, not a validation refusal. */
  injected: boolean;
  /** Declared by the test (expectRefusal / allowRefusals) or already reported. */
  settled: boolean;
}

/** A stand-in that records its refusals: the in-process recorder or the HTTP server. */
export interface RefusingStandIn {
  refused: RefusalRecord[];
  /** Patterns the current test declared acceptable (cleared after each test). */
  allowed: RegExp[];
}

const standIns = new Set<RefusingStandIn>();

/** Every stand-in registers here, so the strict setup can check it after each test. */
export function trackStandIn(standIn: RefusingStandIn): void {
  standIns.add(standIn);
}

export function trackedStandIns(): RefusingStandIn[] {
  return [...standIns];
}

/**
 * Declares that this test expects `standIn` to have refused a call matching `pattern`: returns the
 * refusal, and throws when there is none.
 */
export function expectRefusal(standIn: RefusingStandIn, pattern: RegExp): RefusalRecord {
  const found = standIn.refused.find((r) => !r.settled && pattern.test(r.description));
  if (!found) {
    const seen = standIn.refused.map((r) => `${r.method}: ${r.description}`).join("; ") || "none";
    throw new Error(`expected a Telegram refusal matching ${String(pattern)}; refusals: ${seen}`);
  }
  found.settled = true;
  return found;
}

/** Lets `standIn` refuse calls matching `pattern` for the rest of the current test. */
export function allowRefusals(standIn: RefusingStandIn, pattern: RegExp): void {
  standIn.allowed.push(pattern);
}

/** Refusals no test declared, each marked as reported so it fails one test only. */
export function unexpectedRefusals(): RefusalRecord[] {
  const found: RefusalRecord[] = [];
  for (const standIn of standIns) {
    for (const record of standIn.refused) {
      if (record.settled || record.injected) continue;
      record.settled = true;
      if (!standIn.allowed.some((pattern) => pattern.test(record.description))) found.push(record);
    }
    standIn.allowed.length = 0;
  }
  return found;
}
