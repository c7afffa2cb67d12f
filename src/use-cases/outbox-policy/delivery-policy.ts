import type { RefusalHandler } from "../../delivery/failures.ts";
import type { AdminConfig } from "./admin-recipients.ts";
import { handleLostChat } from "./handle-lost-chat.ts";
import { reportDeadLetter } from "./report-dead-letter.ts";

/** What the outbox sender does with refusals, for startOutboxSender's deps: `...deliveryPolicy(config)`. */
export function deliveryPolicy(config: AdminConfig): {
  onLostChat: RefusalHandler;
  onDeadLetter: RefusalHandler;
} {
  return {
    onLostChat: (tx, lost) => handleLostChat(tx, lost, config),
    onDeadLetter: (tx, dead) => reportDeadLetter(tx, dead, config),
  };
}
