import { DomainError } from "./errors.ts";

/**
 * Who is asking, resolved once per request by its entry point (a bot update, a CLI command, a web
 * request) and handed to use cases: authority belongs to a person and an agency, never to a chat
 * (issue 26). What the database says at the moment of a decision is re-read by the use case.
 */
export interface Actor {
  /** The registered account; null for the operator at the terminal or a scheduled job. */
  userId: number | null;
  /** For the audit trail. */
  name: string;
  /** An admin by configuration or by role. */
  admin: boolean;
  /** The agency whose proposals this person decides (HR_APPROVER). */
  approverOf: number | null;
  /** The unit this person heads (UNIT_HEAD). */
  headOf: number | null;
  /** The employee record this account speaks for. */
  employeeId: number | null;
}

/** The actor of a registered account (or of a stranger: no rights unless an admin by configuration). */
export function actorOf(
  user: {
    id: number;
    name: string;
    role: string;
    agencyId: number | null;
    unitId: number | null;
    employeeId: number | null;
  } | null,
  admin: boolean,
  fallbackName = "",
): Actor {
  return {
    userId: user?.id ?? null,
    name: user?.name ?? fallbackName,
    admin: admin || user?.role === "ADMIN",
    approverOf: user?.role === "HR_APPROVER" ? user.agencyId : null,
    headOf: user?.role === "UNIT_HEAD" ? user.unitId : null,
    employeeId: user?.employeeId ?? null,
  };
}

/** What a person may look at outside a chat (the Mini App): everything, one agency, or one unit. */
export type ViewScope = { all: true } | { agencyId: number } | { unitId: number };

/** An admin sees everything, an approver their agency, a head their own unit; anyone else nothing. */
export function viewScope(actor: Actor): ViewScope {
  if (actor.admin) return { all: true };
  if (actor.approverOf !== null) return { agencyId: actor.approverOf };
  if (actor.headOf !== null) return { unitId: actor.headOf };
  throw new DomainError("view_not_allowed");
}
