// The queues inside the send limiter: one job at a time, the lowest priority number first (first
// come, first served within a priority). No timers of its own: all waiting for Telegram's windows
// is done on the limiter's clock, so a simulated clock sees every wait (Bottleneck's internal
// setTimeout hops would let a simulated clock run ahead between two jobs).
export class Lane {
  private busy = false;
  private stopped = false;
  private order = 0;
  private readonly waiting: Array<{
    priority: number;
    order: number;
    start: () => void;
    fail: (e: Error) => void;
  }> = [];

  constructor(private readonly onIdle?: () => void) {}

  run<T>(priority: number, job: () => Promise<T>): Promise<T> {
    if (this.stopped) return Promise.reject(new Error("limiter stopped"));
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.busy = true;
        (async () => job())()
          .then(resolve, reject)
          .finally(() => {
            this.busy = false;
            this.next();
          });
      };
      this.waiting.push({ priority, order: this.order++, start, fail: reject });
      this.next();
    });
  }

  queued(): number {
    return this.waiting.length;
  }

  /** No new jobs; with `drop`, the waiting ones reject with "limiter stopped". The running one finishes. */
  stop(drop: boolean): void {
    this.stopped = true;
    if (drop) for (const job of this.waiting.splice(0)) job.fail(new Error("limiter stopped"));
  }

  private next(): void {
    if (this.busy) return;
    if (this.waiting.length === 0) {
      this.onIdle?.();
      return;
    }
    let best = 0;
    for (let i = 1; i < this.waiting.length; i++) {
      const a = this.waiting[i];
      const b = this.waiting[best];
      if (a && b && (a.priority < b.priority || (a.priority === b.priority && a.order < b.order))) best = i;
    }
    const [job] = this.waiting.splice(best, 1);
    job?.start();
  }
}
