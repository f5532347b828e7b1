/**
 * Events the guild service publishes (ToCloud9 `GuildServiceEvent`, `shared/events/events-guild.go`).
 * Most payloads start with Go's embedded `GenericGuildEvent`, flattened here. Types 15–16 and
 * `SenderChatTag` come from PR #37.
 */
import { defineEvent, type EventPayload } from "../event.js";
import { bool, slice, str, struct, u32, u64, u8 } from "../go-json/index.js";

/** The fields of Go's `GenericGuildEvent`, embedded (so flattened) in most guild payloads. */
const guild = { ServiceID: str, RealmID: u32, GuildID: u64, GuildName: str, MembersOnline: slice(u64) };

/** A charter signature (PR #37); Go `GuildPetitionSignature`. */
export const GuildPetitionSignature = struct({ PlayerGUID: u64, PlayerAccount: u32 });

/** `guild.invite.created` #1. */
export const guildInviteCreated = defineEvent({
  subject: "guild.invite.created",
  type: 1,
  payload: struct({
    ServiceID: str,
    RealmID: u32,
    GuildID: u64,
    GuildName: str,
    InviterGUID: u64,
    InviterName: str,
    InviteeGUID: u64,
    InviteeName: str,
  }),
});

/** `guild.member.added` #2. */
export const guildMemberAdded = defineEvent({
  subject: "guild.member.added",
  type: 2,
  payload: struct({ ...guild, MemberGUID: u64, MemberName: str }),
});

/** `guild.member.left` #3. */
export const guildMemberLeft = defineEvent({
  subject: "guild.member.left",
  type: 3,
  payload: struct({ ...guild, MemberGUID: u64, MemberName: str }),
});

/** `guild.member.kicked` #4. */
export const guildMemberKicked = defineEvent({
  subject: "guild.member.kicked",
  type: 4,
  payload: struct({ ...guild, MemberGUID: u64, MemberName: str, KickerGUID: u64, KickerName: str }),
});

const noteUpdate = { ...guild, MemberGUID: u64, MemberName: str, UpdaterGUID: u64, UpdaterName: str, Note: str };

/** `guild.member.noteupdated` #5: a public note changed. */
export const guildMemberNoteUpdated = defineEvent({
  subject: "guild.member.noteupdated",
  type: 5,
  payload: struct(noteUpdate),
});

/** `guild.member.officernoteupdated` #6: an officer note changed. */
export const guildMemberOfficerNoteUpdated = defineEvent({
  subject: "guild.member.officernoteupdated",
  type: 6,
  payload: struct(noteUpdate),
});

/** `guild.rank.created` #7. */
export const guildRankCreated = defineEvent({
  subject: "guild.rank.created",
  type: 7,
  payload: struct({ ...guild, RankID: u8, RankName: str, RanksCount: u8 }),
});

/** `guild.rank.updated` #8. */
export const guildRankUpdated = defineEvent({
  subject: "guild.rank.updated",
  type: 8,
  payload: struct({
    ...guild,
    RankID: u8,
    RankName: str,
    RankRights: u32,
    RankMoneyPerDay: u32,
    RanksCount: u8,
  }),
});

/** `guild.rank.deleted` #9. */
export const guildRankDeleted = defineEvent({
  subject: "guild.rank.deleted",
  type: 9,
  payload: struct({ ...guild, RankID: u8, RankName: str, RanksCount: u8 }),
});

/** `guild.member.promoted` #10. */
export const guildMemberPromoted = defineEvent({
  subject: "guild.member.promoted",
  type: 10,
  payload: struct({
    ...guild,
    RankID: u8,
    RankName: str,
    PromoterGUID: u64,
    PromoterName: str,
    MemberGUID: u64,
    MemberName: str,
  }),
});

/** `guild.member.demoted` #11. */
export const guildMemberDemoted = defineEvent({
  subject: "guild.member.demoted",
  type: 11,
  payload: struct({
    ...guild,
    RankID: u8,
    RankName: str,
    DemoterGUID: u64,
    DemoterName: str,
    MemberGUID: u64,
    MemberName: str,
  }),
});

/** `guild.motd.updated` #12. */
export const guildMotdUpdated = defineEvent({
  subject: "guild.motd.updated",
  type: 12,
  payload: struct({ ...guild, NewMessageOfTheDay: str }),
});

/** `guild.info.updated` #13. */
export const guildInfoUpdated = defineEvent({
  subject: "guild.info.updated",
  type: 13,
  payload: struct({ ...guild, NewGuildInfo: str }),
});

/** `guild.message.new` #14: guild or officer chat. */
export const guildMessageNew = defineEvent({
  subject: "guild.message.new",
  type: 14,
  payload: struct({
    ServiceID: str,
    RealmID: u32,
    GuildID: u64,
    SenderGUID: u64,
    SenderName: str,
    SenderChatTag: u8,
    Language: u32,
    Msg: str,
    ForOfficers: bool,
    Receivers: slice(u64),
  }),
});

/** `guild.petition.offered` #15 (PR #37): a guild charter was offered to a same-realm player. */
export const guildPetitionOffered = defineEvent({
  subject: "guild.petition.offered",
  type: 15,
  payload: struct({
    ServiceID: str,
    RealmID: u32,
    PetitionGUID: u64,
    PetitionID: u32,
    OwnerGUID: u64,
    TargetGUID: u64,
    TargetName: str,
    GuildName: str,
    RequiredSigns: u32,
    Signatures: slice(GuildPetitionSignature),
  }),
});

/** `guild.petition.signed` #16 (PR #37): a charter signature was processed. */
export const guildPetitionSigned = defineEvent({
  subject: "guild.petition.signed",
  type: 16,
  payload: struct({
    ServiceID: str,
    RealmID: u32,
    PetitionGUID: u64,
    OwnerGUID: u64,
    SignerGUID: u64,
    SignerName: str,
    NativeStatus: u32,
    RequiredSigns: u32,
  }),
});

export type GuildInviteCreated = EventPayload<typeof guildInviteCreated>;
export type GuildMemberAdded = EventPayload<typeof guildMemberAdded>;
export type GuildMemberLeft = EventPayload<typeof guildMemberLeft>;
export type GuildMemberKicked = EventPayload<typeof guildMemberKicked>;
export type GuildMemberNoteUpdated = EventPayload<typeof guildMemberNoteUpdated>;
export type GuildMemberOfficerNoteUpdated = EventPayload<typeof guildMemberOfficerNoteUpdated>;
export type GuildRankCreated = EventPayload<typeof guildRankCreated>;
export type GuildRankUpdated = EventPayload<typeof guildRankUpdated>;
export type GuildRankDeleted = EventPayload<typeof guildRankDeleted>;
export type GuildMemberPromoted = EventPayload<typeof guildMemberPromoted>;
export type GuildMemberDemoted = EventPayload<typeof guildMemberDemoted>;
export type GuildMotdUpdated = EventPayload<typeof guildMotdUpdated>;
export type GuildInfoUpdated = EventPayload<typeof guildInfoUpdated>;
export type GuildMessageNew = EventPayload<typeof guildMessageNew>;
export type GuildPetitionOffered = EventPayload<typeof guildPetitionOffered>;
export type GuildPetitionSigned = EventPayload<typeof guildPetitionSigned>;
