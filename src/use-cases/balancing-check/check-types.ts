// What the steps of a balancing check hand each other (post-balancing-plan.ts, queue-check-pushes.ts).
import type { BalancingPlan } from "./compute-balancing-plan.ts";
import type { ExplainedMove } from "./explain-balancing-plan.ts";
import type { RunTrigger } from "../../generated/prisma/client.ts";
import type { Locale } from "../../messages/locales/index.ts";
import type { AdminConfig } from "../outbox-policy/index.ts";

export interface PostBalancingPlanInput {
  trigger: RunTrigger;
  /** When the check started (the run's startedAt and the cards' date). */
  startedAt: Date;
  computed: BalancingPlan;
  moves: ExplainedMove[];
  /** The PNG per agency, rendered before the transaction opened. */
  charts: Map<number, Buffer>;
  expiresAt: Date;
  timeZone: string;
  locale: Locale;
  /** Who hears of proposals for an agency with no HR group; without it, the active ADMIN users. */
  admins?: AdminConfig | undefined;
}

/** A pending proposal the check kept: what the alert needs of it. */
export interface KeptProposal {
  id: number;
  runId: number | null;
  agencyId: number;
}
