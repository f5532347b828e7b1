/** Contact relation bits (AzerothCore `SocialFlag`); also the CMSG_CONTACT_LIST filter. */
export const SocialFlag = {
  FRIEND: 0x01,
  IGNORED: 0x02,
  MUTED: 0x04,
  UNK: 0x08,
  ALL: 0x07,
} as const;

/** A friend's presence (AzerothCore `FriendStatus`). */
export const FriendStatus = {
  OFFLINE: 0x00,
  ONLINE: 0x01,
  AFK: 0x02,
  DND: 0x04,
  RAF: 0x08,
} as const;

/** Results of friend and ignore commands, the first byte of SMSG_FRIEND_STATUS (AzerothCore `FriendsResult`). */
export const FriendsResult = {
  DB_ERROR: 0x00,
  LIST_FULL: 0x01,
  ONLINE: 0x02,
  OFFLINE: 0x03,
  NOT_FOUND: 0x04,
  REMOVED: 0x05,
  ADDED_ONLINE: 0x06,
  ADDED_OFFLINE: 0x07,
  ALREADY: 0x08,
  SELF: 0x09,
  ENEMY: 0x0a,
  IGNORE_FULL: 0x0b,
  IGNORE_SELF: 0x0c,
  IGNORE_NOT_FOUND: 0x0d,
  IGNORE_ALREADY: 0x0e,
  IGNORE_ADDED: 0x0f,
  IGNORE_REMOVED: 0x10,
  IGNORE_AMBIGUOUS: 0x11,
  MUTE_FULL: 0x12,
  MUTE_SELF: 0x13,
  MUTE_NOT_FOUND: 0x14,
  MUTE_ALREADY: 0x15,
  MUTE_ADDED: 0x16,
  MUTE_REMOVED: 0x17,
  MUTE_AMBIGUOUS: 0x18,
  UNK1: 0x19,
  UNK2: 0x1a,
  UNK3: 0x1b,
  UNKNOWN: 0x1c,
} as const;

/** Where a friend is, as the social packets carry it. */
export interface FriendPresence {
  /** A `FriendStatus`. */
  readonly status: number;
  /** Zone id. */
  readonly area: number;
  readonly level: number;
  readonly classId: number;
}
