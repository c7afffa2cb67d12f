import type { ViewScope } from "../../domain/actor.ts";
import { IN_FLIGHT_STATUSES } from "../../domain/proposal-lifecycle.ts";

/** Where a proposal in flight stands, as the page shows it. */
export type FlightState = "pending" | "approved" | "decreed";

/** The units a scope covers, as a Prisma filter on Unit. */
export const unitsInScope = (scope: ViewScope) =>
  "agencyId" in scope ? { agencyId: scope.agencyId } : "unitId" in scope ? { id: scope.unitId } : {};

/**
 * Proposals in flight from or to a unit of the scope; every one for an admin. Not `OR` over two empty
 * unit filters then: Prisma matched no proposal with it, and an admin's map and Usulan showed none.
 */
export const inFlightInScope = (scope: ViewScope) => ({
  status: { in: [...IN_FLIGHT_STATUSES] },
  ...("all" in scope ? {} : { OR: [{ fromUnit: unitsInScope(scope) }, { toUnit: unitsInScope(scope) }] }),
});

/** A pending proposal past its expiry is no longer in flight, even before the job marks it. */
export const stillInFlight = (p: { status: string; expiresAt: Date }, now: Date) =>
  p.status !== "PENDING" || p.expiresAt > now;

export const flightState = (status: string): FlightState =>
  status === "PENDING" ? "pending" : status === "APPROVED" ? "approved" : "decreed";
