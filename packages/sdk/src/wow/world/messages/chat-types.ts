/**
 * Chat message types, AzerothCore's `ChatMsg` (`SharedDefines.h`). SMSG_MESSAGECHAT carries the
 * type as a u8, CMSG_MESSAGECHAT as a u32. `ADDON` (-1) is listed for completeness; 3.3.5a addon
 * messages use a normal type with `Language.ADDON`.
 */
export const ChatMsg = {
  ADDON: 0xffffffff,
  SYSTEM: 0x00,
  SAY: 0x01,
  PARTY: 0x02,
  RAID: 0x03,
  GUILD: 0x04,
  OFFICER: 0x05,
  YELL: 0x06,
  WHISPER: 0x07,
  WHISPER_FOREIGN: 0x08,
  WHISPER_INFORM: 0x09,
  EMOTE: 0x0a,
  TEXT_EMOTE: 0x0b,
  MONSTER_SAY: 0x0c,
  MONSTER_PARTY: 0x0d,
  MONSTER_YELL: 0x0e,
  MONSTER_WHISPER: 0x0f,
  MONSTER_EMOTE: 0x10,
  CHANNEL: 0x11,
  CHANNEL_JOIN: 0x12,
  CHANNEL_LEAVE: 0x13,
  CHANNEL_LIST: 0x14,
  CHANNEL_NOTICE: 0x15,
  CHANNEL_NOTICE_USER: 0x16,
  AFK: 0x17,
  DND: 0x18,
  IGNORED: 0x19,
  SKILL: 0x1a,
  LOOT: 0x1b,
  MONEY: 0x1c,
  OPENING: 0x1d,
  TRADESKILLS: 0x1e,
  PET_INFO: 0x1f,
  COMBAT_MISC_INFO: 0x20,
  COMBAT_XP_GAIN: 0x21,
  COMBAT_HONOR_GAIN: 0x22,
  COMBAT_FACTION_CHANGE: 0x23,
  BG_SYSTEM_NEUTRAL: 0x24,
  BG_SYSTEM_ALLIANCE: 0x25,
  BG_SYSTEM_HORDE: 0x26,
  RAID_LEADER: 0x27,
  RAID_WARNING: 0x28,
  RAID_BOSS_EMOTE: 0x29,
  RAID_BOSS_WHISPER: 0x2a,
  FILTERED: 0x2b,
  BATTLEGROUND: 0x2c,
  BATTLEGROUND_LEADER: 0x2d,
  RESTRICTED: 0x2e,
  BATTLENET: 0x2f,
  ACHIEVEMENT: 0x30,
  GUILD_ACHIEVEMENT: 0x31,
  ARENA_POINTS: 0x32,
  PARTY_LEADER: 0x33,
} as const;

/**
 * Chat languages, AzerothCore's `Language`. AzerothCore refuses `UNIVERSAL` in player chat (except
 * AFK/DND), so clients speak `COMMON` (Alliance) or `ORCISH` (Horde).
 */
export const Language = {
  UNIVERSAL: 0,
  ORCISH: 1,
  DARNASSIAN: 2,
  TAURAHE: 3,
  DWARVISH: 6,
  COMMON: 7,
  DEMONIC: 8,
  TITAN: 9,
  THALASSIAN: 10,
  DRACONIC: 11,
  KALIMAG: 12,
  GNOMISH: 13,
  TROLL: 14,
  GUTTERSPEAK: 33,
  DRAENEI: 35,
  ZOMBIE: 36,
  GNOMISH_BINARY: 37,
  GOBLIN_BINARY: 38,
  /** Addon messages (sent as u32 0xFFFFFFFF). */
  ADDON: 0xffffffff,
} as const;

/** The chat tag byte of SMSG_MESSAGECHAT (AzerothCore `ChatTag`, from `Player::GetChatTag`). */
export const ChatTag = {
  NONE: 0x00,
  AFK: 0x01,
  DND: 0x02,
  GM: 0x04,
  COMMENTATOR: 0x08,
  DEVELOPER: 0x10,
} as const;
