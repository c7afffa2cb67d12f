/**
 * What a guided conversation leaves in the session table, and when it counts as over. Pure, so the
 * bot (which runs conversations) and the expiry job (which ends silent ones) share one rule.
 */

/** One guided conversation in progress: which, at what step, the answers so far. */
export interface ConversationState {
  name: string;
  step: string;
  data: Record<string, unknown>;
  /** Changes on every start, so buttons from an earlier conversation are recognised as stale. */
  nonce: string;
  /** ISO time of the last answer; 30 minutes of silence ends the conversation. */
  touchedAt: string;
}

/** Stored in ConversationSession, keyed by chat and person, so a restart resumes the conversation. */
export interface SessionData {
  conversation?: ConversationState | null;
}

/** Half an hour of silence ends a conversation: a report left that long is not being typed any more. */
export const CONVERSATION_TIMEOUT_MS = 30 * 60_000;

/**
 * A sent conversation keeps its nonce under this step until the next one starts, so a second
 * press of its Kirim button can be told it was already sent rather than that it is stale.
 */
export const DONE_STEP = "done";

export function isOpen(state: ConversationState | null | undefined): state is ConversationState {
  return !!state && state.step !== DONE_STEP;
}

export function isExpired(state: ConversationState, now: Date): boolean {
  return isOpen(state) && now.getTime() - new Date(state.touchedAt).getTime() > CONVERSATION_TIMEOUT_MS;
}

/**
 * A list or menu left on screen (data.passive) waits for nobody: when it expires its buttons just
 * go stale, without an "ended" message.
 */
export function isPassive(state: ConversationState): boolean {
  return state.data.passive === true;
}
