// Prometheus metrics on a registry of our own: tests build as many as they like, and nothing a
// library registers on prom-client's global registry leaks into /metrics.
import { Counter, Gauge, Histogram, Registry } from "prom-client";

export interface MetricsOptions {
  /** Reads the number of PENDING outbox messages when /metrics is scraped (the database is the truth). */
  outboxBacklog?: () => Promise<number>;
}

/** Why a push was given up or postponed, as the sender classifies it. */
export type OutboxFailureReason =
  "retry-after" | "transient" | "forbidden" | "rejected" | "not-modified" | (string & {});

export interface Metrics {
  registry: Registry;
  /** An update of `type` was handled in `seconds` (called by metricsMiddleware). */
  updateHandled(type: string, seconds: number): void;
  /** The sender delivered one outbox message. */
  outboxSent(): void;
  /** The sender failed one attempt for `reason` (it may retry later). */
  outboxFailed(reason: OutboxFailureReason): void;
  /** Telegram answered 429 Too Many Requests. */
  telegram429(): void;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const updates = new Counter({
    name: "seimbang_updates_total",
    help: "Telegram updates handled, by update type",
    labelNames: ["type"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "seimbang_update_duration_seconds",
    help: "Time to handle one update, by update type",
    labelNames: ["type"] as const,
    // Most updates take a few milliseconds; a slow database or Bot API shows in the upper buckets.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const sent = new Counter({
    name: "seimbang_outbox_sent_total",
    help: "Outbox messages delivered to Telegram",
    registers: [registry],
  });
  const failed = new Counter({
    name: "seimbang_outbox_failed_total",
    help: "Outbox send attempts that failed, by reason",
    labelNames: ["reason"] as const,
    registers: [registry],
  });
  const readBacklog = options.outboxBacklog;
  new Gauge({
    name: "seimbang_outbox_backlog",
    help: "Outbox messages waiting to be sent (PENDING)",
    registers: [registry],
    async collect() {
      if (readBacklog) this.set(await readBacklog());
    },
  });
  const tooMany = new Counter({
    name: "seimbang_telegram_429_total",
    help: "Bot API answers 429 Too Many Requests",
    registers: [registry],
  });

  return {
    registry,
    updateHandled(type, seconds) {
      updates.inc({ type });
      duration.observe({ type }, seconds);
    },
    outboxSent: () => sent.inc(),
    outboxFailed: (reason) => failed.inc({ reason }),
    telegram429: () => tooMany.inc(),
  };
}
