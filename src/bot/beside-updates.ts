/**
 * Work a command starts that the update loop does not wait for. At a province (beyond 10,000 people)
 * the check, the formasi and a what-if take a minute or more, and telegraf's polling fetches the next
 * updates only when every handler of a batch has ended (telegraf/lib/core/network/polling.js): everyone
 * else's reports and decisions would wait that minute, and the handler would outlive telegraf's 60 s
 * timeout.
 *
 * The update counts as handled when its handler returns (middleware/update-once.ts); the work then
 * commits its own transaction. A crash in between loses the work, which the person saw start and may
 * ask for again; it never runs twice for one update.
 */
export interface BesideUpdates {
  /**
   * Starts `work` unless work under the same key is still running (a command sent twice on a slow
   * connection): false then, and nothing starts.
   */
  start(key: string, work: () => Promise<void>): boolean;
  /** Resolves once everything started so far, and anything it started, has ended (shutdown, tests). */
  settled(): Promise<void>;
}

export function besideUpdates(): BesideUpdates {
  const running = new Map<string, Promise<void>>();
  return {
    start(key, work) {
      if (running.has(key)) return false;
      running.set(
        key,
        work().finally(() => running.delete(key)),
      );
      return true;
    },
    async settled() {
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },
  };
}
