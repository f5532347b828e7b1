/* The frame protocol between libsidecar and the tc9 sidecar process (see README.md,
 * "Bridge protocol"). Every frame: u32 LE length of what follows, u8 type, u32 LE id,
 * payload. Integers are little-endian; strings and byte runs are u32 length + bytes;
 * lists are u32 count + elements. The TypeScript side mirrors these numbers in
 * packages/sidecar/src/bridge/protocol.ts. */
#ifndef TC9_PROTOCOL_H
#define TC9_PROTOCOL_H

/* Bytes of the header after the length field (type + id). */
#define TC9_FRAME_HEADER 5
/* Largest accepted length field; a bigger one closes the connection. */
#define TC9_FRAME_MAX (16u * 1024u * 1024u)
/* Version of this protocol, sent in HELLO. */
#define TC9_PROTOCOL_VERSION 1

/* library -> sidecar */
enum {
    TC9_FRAME_HELLO = 0x01,          /* u16 protocol, u16 abi major, minor, patch, u32 pid, u16 game port, u32 realm, u8 crossrealm, str available maps */
    TC9_FRAME_RESPONSE = 0x02,       /* id = request id; u8 outcome, then the kind's response body when outcome is DONE */
    TC9_FRAME_GUID_REQUEST = 0x03,   /* u8 guid type, u32 realm, u64 desired size */
    TC9_FRAME_MAPS_READY = 0x04,     /* u32 list of maps */
    TC9_FRAME_NOTIFY = 0x05,         /* u8 notify kind, body */
    TC9_FRAME_NATS_PUBLISH = 0x06,   /* str subject, bytes payload */
    TC9_FRAME_NATS_SUBSCRIBE = 0x07, /* id = subscription id; str subject */
    TC9_FRAME_CALL = 0x08,           /* id = call id; u8 call kind, body */
};

/* sidecar -> library */
enum {
    TC9_FRAME_WELCOME = 0x81,      /* u8 registered (1/0), str server id or error text, u32 list of assigned maps */
    TC9_FRAME_REQUEST = 0x82,      /* id = request id; u8 request kind, u32 deadline ms, body */
    TC9_FRAME_GUID_POOL = 0x83,    /* u8 guid type, u32 realm, u32 count, count x (u64 first, u64 last) inclusive */
    TC9_FRAME_HOOK = 0x84,         /* u8 hook kind, body */
    TC9_FRAME_NATS_MESSAGE = 0x85, /* id = subscription id; str subject, bytes payload */
    TC9_FRAME_CALL_RESULT = 0x86,  /* id = call id; u8 ok (1/0), body */
};

/* RESPONSE outcomes */
enum {
    TC9_OUTCOME_DONE = 0,
    TC9_OUTCOME_EXPIRED = 1,   /* the deadline passed before the world thread ran it; nothing was done */
    TC9_OUTCOME_MALFORMED = 2, /* the request body could not be read; nothing was done */
};

/* REQUEST kinds (WorldServerService and the sidecar's own probes) */
enum {
    TC9_REQ_HEALTH_PROBE = 1,
    TC9_REQ_MONITORING = 2,
    TC9_REQ_GET_ITEMS = 3,
    TC9_REQ_REMOVE_ITEMS = 4,
    TC9_REQ_ADD_EXISTING_ITEM = 5,
    TC9_REQ_TAKE_ITEM_BY_POS = 6,
    TC9_REQ_GET_MONEY = 7,
    TC9_REQ_MODIFY_MONEY = 8,
    TC9_REQ_INTERACT_NPC = 9,
    TC9_REQ_INTERACT_GO = 10,
    TC9_REQ_BG_START = 11,
    TC9_REQ_BG_ADD_PLAYERS = 12,
    TC9_REQ_BG_CAN_JOIN_QUEUE = 13,
    TC9_REQ_BG_CAN_TELEPORT = 14,
    TC9_REQ_LFG_LOCK_INFO = 15,
    TC9_REQ_LFG_PLAYER_INFO = 16,
    TC9_REQ_LFG_DUNGEON_INFO = 17,
    TC9_REQ_LFG_TELEPORT = 18,
    TC9_REQ_LFG_BOOT_VOTE = 19,
    TC9_REQ_LFG_MATERIALIZE = 20,
    TC9_REQ_GUILD_CREATE = 21,
};

/* HOOK kinds */
enum {
    TC9_HOOK_GROUP_CREATED = 1,
    TC9_HOOK_GROUP_MEMBER_ADDED = 2,
    TC9_HOOK_GROUP_MEMBER_REMOVED = 3,
    TC9_HOOK_GROUP_DISBANDED = 4,
    TC9_HOOK_GROUP_LOOT_TYPE_CHANGED = 5,
    TC9_HOOK_GROUP_DUNGEON_DIFFICULTY_CHANGED = 6,
    TC9_HOOK_GROUP_RAID_DIFFICULTY_CHANGED = 7,
    TC9_HOOK_GROUP_CONVERTED_TO_RAID = 8,
    TC9_HOOK_GUILD_MEMBER_ADDED = 9,
    TC9_HOOK_GUILD_MEMBER_LEFT = 10,
    TC9_HOOK_GUILD_MEMBER_REMOVED = 11,
    TC9_HOOK_MAPS_REASSIGNED = 12,
    TC9_HOOK_GROUP_LEADER_CHANGED = 13,
    TC9_HOOK_READY_CHECK_STARTED = 14,
    TC9_HOOK_READY_CHECK_MEMBER_STATE = 15,
    TC9_HOOK_READY_CHECK_FINISHED = 16,
    TC9_HOOK_MEMBER_SUBGROUP_CHANGED = 17,
    TC9_HOOK_MEMBER_FLAGS_CHANGED = 18,
    TC9_HOOK_MEMBER_STATE_CHANGED = 19,
    TC9_HOOK_INSTANCE_RESET_REQUEST = 20,
    TC9_HOOK_INSTANCE_BIND_EXTENSION_REQUEST = 21,
};

/* NOTIFY kinds (fire and forget) */
enum {
    TC9_NOTIFY_PLAYER_LEFT_BATTLEGROUND = 1,
    TC9_NOTIFY_BATTLEGROUND_STATUS_CHANGED = 2,
    TC9_NOTIFY_UPDATE_GROUP_MEMBER_STATE = 3,
    TC9_NOTIFY_LFG_ROUTE_ENTERED = 4,
    TC9_NOTIFY_START_READY_CHECK = 5,
    TC9_NOTIFY_READY_CHECK_MEMBER_STATE = 6,
    TC9_NOTIFY_FINISH_READY_CHECK = 7,
    TC9_NOTIFY_CHANGE_MEMBER_SUBGROUP = 8,
    TC9_NOTIFY_SET_MEMBER_FLAGS = 9,
    TC9_NOTIFY_REGISTER_MATERIALIZED_LFG_GROUP = 10,
    TC9_NOTIFY_COMPLETE_LFG_DUNGEON = 11,
};

/* CALL kinds (the caller waits for CALL_RESULT) */
enum {
    TC9_CALL_FINISH_RATED_ARENA_MATCH = 1,
};

/* GUID types (GuidService GuidType) */
enum {
    TC9_GUID_CHARACTER = 0,
    TC9_GUID_ITEM = 1,
    TC9_GUID_INSTANCE = 2,
};

#endif
