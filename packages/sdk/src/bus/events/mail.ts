/** Events the mail service publishes (ToCloud9 `MailServiceEvent`). */
import { defineEvent, type EventPayload } from "../event.js";
import { i64, struct, u32, u64 } from "../go-json/index.js";

/** `mail.incoming` #1: a mail was delivered to a character. */
export const mailIncoming = defineEvent({
  subject: "mail.incoming",
  type: 1,
  payload: struct({ RealmID: u32, SenderGUID: u64, ReceiverGUID: u64, DeliveryTimestamp: i64, MailID: u32 }),
});

export type MailIncoming = EventPayload<typeof mailIncoming>;
