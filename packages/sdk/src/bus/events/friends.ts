/** Events the characters service publishes about friends (ToCloud9 `FriendsServiceEvent`). */
import { defineEvent, type EventPayload } from "../event.js";
import { slice, str, struct, u32, u64, u8 } from "../go-json/index.js";

/** `friends.status.changed` #1: a player came online (1) or went offline (0). */
export const friendStatusChanged = defineEvent({
  subject: "friends.status.changed",
  type: 1,
  payload: struct({
    ServiceID: str,
    RealmID: u32,
    PlayerGUID: u64,
    Status: u8,
    Area: u32,
    Level: u32,
    ClassID: u32,
    NotifyPlayers: slice(u64),
  }),
});

/** `friends.friend.added` #2. */
export const friendAdded = defineEvent({
  subject: "friends.friend.added",
  type: 2,
  payload: struct({ ServiceID: str, RealmID: u32, PlayerGUID: u64, FriendGUID: u64, FriendName: str, Note: str }),
});

/** `friends.friend.removed` #3. */
export const friendRemoved = defineEvent({
  subject: "friends.friend.removed",
  type: 3,
  payload: struct({ ServiceID: str, RealmID: u32, PlayerGUID: u64, FriendGUID: u64 }),
});

/** `friends.note.updated` #4. */
export const friendNoteUpdated = defineEvent({
  subject: "friends.note.updated",
  type: 4,
  payload: struct({ ServiceID: str, RealmID: u32, PlayerGUID: u64, FriendGUID: u64, Note: str }),
});

export type FriendStatusChanged = EventPayload<typeof friendStatusChanged>;
export type FriendAdded = EventPayload<typeof friendAdded>;
export type FriendRemoved = EventPayload<typeof friendRemoved>;
export type FriendNoteUpdated = EventPayload<typeof friendNoteUpdated>;
