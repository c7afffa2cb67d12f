import type { RefusalHandler } from "../../delivery/failures.ts";
import type { SentHandler } from "../../delivery/mark-sent.ts";
import { isShownKind, rememberCardPlace } from "../../db/card-place.ts";
import type { AdminConfig } from "./admin-recipients.ts";
import { handleLostChat } from "./handle-lost-chat.ts";
import { reportDeadLetter } from "./report-dead-letter.ts";

/**
 * What the outbox sender's outcomes mean for the district, for startOutboxSender's deps
 * (`...deliveryPolicy(config)`): refusals tell the admins, a sent card is remembered where it sits.
 */
export function deliveryPolicy(config: AdminConfig): {
  onLostChat: RefusalHandler;
  onDeadLetter: RefusalHandler;
  onSent: SentHandler;
} {
  return {
    onLostChat: (tx, lost) => handleLostChat(tx, lost, config),
    onDeadLetter: (tx, dead) => reportDeadLetter(tx, dead, config),
    onSent: async (tx, sent) => {
      if (isShownKind(sent.kind)) await rememberCardPlace(tx, { ...sent, kind: sent.kind });
    },
  };
}
