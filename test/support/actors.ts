import type { Actor } from "../../src/domain/actor.ts";

/** A registered person deciding outside any group (the Mini App, a use case called directly). */
export function approverActor(userId: number, name = ""): Actor {
  return { userId, name, admin: false, approverOf: null, headOf: null, employeeId: null };
}
