// Time as delivery sees it. Telegram's windows (30 a second, 20 a minute per group, 1 a second per
// private chat, retry_after, backoff) are measured and waited out through this, so a test can run
// them on a simulated clock (test/support/delivery.ts) instead of waiting in real time.
import { setTimeout as realSleep } from "node:timers/promises";

export interface DeliveryClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, or at once when `signal` aborts (never rejects). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: DeliveryClock = {
  now: () => Date.now(),
  async sleep(ms, signal) {
    if (signal?.aborted) return;
    await realSleep(Math.max(0, ms), undefined, signal ? { signal } : undefined).catch((error: unknown) => {
      if ((error as { name?: unknown })?.name !== "AbortError") throw error;
    });
  },
};
