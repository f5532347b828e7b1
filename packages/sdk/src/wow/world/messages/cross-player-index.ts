/**
 * Exports of the cross-player world messages of WoW 3.3.5a: groups and raids, visible auras,
 * guilds and the guild bank, petitions, mail, battlegrounds, arena teams and the dungeon finder,
 * laid out as AzerothCore writes and reads them. Every codec is a `MessageCodec` (payload only, no
 * header); `cmsg*` codecs are client-to-server, `smsg*` server-to-client, `msg*Client` /
 * `msg*Server` the two directions of an MSG_ opcode, and a plain `msg*Codec` is the same in both
 * directions.
 */


// Groups and raids
export {
  cmsgGroupAcceptCodec, cmsgGroupDeclineCodec, cmsgGroupDisbandCodec, cmsgGroupInviteCodec,
  cmsgGroupSetLeaderCodec, cmsgGroupUninviteCodec, cmsgGroupUninviteGuidCodec, cmsgLootMethodCodec, LootMethod,
  PartyOperation, smsgGroupDeclineCodec, smsgGroupDestroyedCodec, smsgGroupInviteCodec,
  smsgGroupSetLeaderCodec, smsgGroupUninviteCodec, smsgPartyCommandResultCodec,
} from "./group.js";
export type {
  CmsgGroupInvite, CmsgGroupSetLeader, CmsgGroupUninviteGuid, CmsgLootMethod, PlayerNameMessage,
  SmsgGroupInvite, SmsgPartyCommandResult,
} from "./group.js";
export { GroupMemberFlag, GroupMemberStatus, GroupTypeFlag, smsgGroupListCodec } from "./group-list.js";
export type { GroupListLfgInfo, GroupListLootSettings, GroupListMember, SmsgGroupList } from "./group-list.js";
export {
  cmsgRequestPartyMemberStatsCodec, GroupUpdateFlag, partyMemberStatsMask, smsgPartyMemberStatsCodec,
  smsgPartyMemberStatsFullCodec,
} from "./party-member-stats.js";
export type {
  CmsgRequestPartyMemberStats, PartyAura, PartyMemberStats, SmsgPartyMemberStatsFull,
} from "./party-member-stats.js";
export {
  cmsgGroupAssistantLeaderCodec, cmsgGroupChangeSubGroupCodec, cmsgGroupRaidConvertCodec,
  cmsgGroupSwapSubGroupCodec, msgRaidTargetUpdateClientCodec, msgRaidTargetUpdateServerCodec,
  msgSetDungeonDifficultyClientCodec, msgSetDungeonDifficultyServerCodec, msgSetRaidDifficultyClientCodec,
  msgSetRaidDifficultyServerCodec, RAID_TARGET_REQUEST_LIST,
} from "./raid.js";
export type {
  CmsgGroupAssistantLeader, CmsgGroupChangeSubGroup, CmsgGroupSwapSubGroup, MsgRaidTargetUpdateClient,
  MsgRaidTargetUpdateServer, RaidTargetIcon, SetDifficultyNotice, SetDifficultyRequest,
} from "./raid.js";
export {
  msgRaidReadyCheckClientCodec, msgRaidReadyCheckConfirmClientCodec, msgRaidReadyCheckConfirmServerCodec,
  msgRaidReadyCheckFinishedCodec, msgRaidReadyCheckServerCodec,
} from "./ready-check.js";
export type {
  MsgRaidReadyCheckClient, MsgRaidReadyCheckConfirmClient, MsgRaidReadyCheckConfirmServer,
  MsgRaidReadyCheckServer,
} from "./ready-check.js";

// Auras (the unit frames of group members and targets)
export { AuraFlag, smsgAuraUpdateAllCodec, smsgAuraUpdateCodec } from "./aura-update.js";
export type { AuraDuration, AuraSlotUpdate, SmsgAuraUpdate, SmsgAuraUpdateAll, VisibleAura } from "./aura-update.js";

// Guilds
export {
  cmsgGuildAcceptCodec, cmsgGuildDeclineCodec, cmsgGuildInfoCodec, cmsgGuildInviteCodec, cmsgGuildQueryCodec,
  GUILD_RANK_SLOTS, GuildCommand, guildEventHasGuid, GuildEventType, smsgGuildCommandResultCodec,
  smsgGuildEventCodec, smsgGuildInfoCodec, smsgGuildInviteCodec, smsgGuildQueryResponseCodec,
} from "./guild.js";
export type {
  CmsgGuildInvite, CmsgGuildQuery, GuildEmblem, SmsgGuildCommandResult, SmsgGuildEvent, SmsgGuildInfo,
  SmsgGuildInvite, SmsgGuildQueryResponse,
} from "./guild.js";
export {
  cmsgGuildAddRankCodec, cmsgGuildDelRankCodec, cmsgGuildDemoteCodec, cmsgGuildDisbandCodec,
  cmsgGuildInfoTextCodec, cmsgGuildLeaderCodec, cmsgGuildLeaveCodec, cmsgGuildMotdCodec, cmsgGuildPromoteCodec,
  cmsgGuildRankCodec, cmsgGuildRemoveCodec, cmsgGuildSetOfficerNoteCodec, cmsgGuildSetPublicNoteCodec,
  GUILD_BANK_TAB_SLOTS,
} from "./guild-management.js";
export type { CmsgGuildRank, CmsgGuildSetNote, GuildBankTabRights, GuildTextRequest } from "./guild-management.js";
export { cmsgGuildRosterCodec, smsgGuildRosterCodec } from "./guild-roster.js";
export type { GuildRosterMember, GuildRosterRank, SmsgGuildRoster } from "./guild-roster.js";
export {
  GuildEventLogType, msgGuildBankMoneyWithdrawnClientCodec, msgGuildBankMoneyWithdrawnServerCodec,
  msgGuildEventLogQueryClientCodec, msgGuildEventLogQueryServerCodec, msgGuildPermissionsClientCodec,
  msgGuildPermissionsServerCodec,
} from "./guild-permissions.js";
export type {
  GuildEventLogEntry, MsgGuildBankMoneyWithdrawnServer, MsgGuildEventLogQueryServer, MsgGuildPermissionsServer,
} from "./guild-permissions.js";

// Guild bank
export {
  cmsgGuildBankBuyTabCodec, cmsgGuildBankDepositMoneyCodec, cmsgGuildBankerActivateCodec,
  cmsgGuildBankQueryTabCodec, cmsgGuildBankUpdateTabCodec, cmsgGuildBankWithdrawMoneyCodec,
  cmsgSetGuildBankTextCodec, msgGuildBankLogQueryClientCodec, msgQueryGuildBankTextClientCodec,
  msgQueryGuildBankTextServerCodec,
} from "./guild-bank.js";
export type {
  CmsgGuildBankBuyTab, CmsgGuildBankerActivate, CmsgGuildBankQueryTab, CmsgGuildBankUpdateTab,
  GuildBankMoneyRequest, GuildBankTabRequest, GuildBankTabText,
} from "./guild-bank.js";
export { smsgGuildBankListCodec } from "./guild-bank-list.js";
export type {
  GuildBankItem, GuildBankSlotUpdate, GuildBankSocket, GuildBankTabInfo, SmsgGuildBankList,
} from "./guild-bank-list.js";
export { cmsgGuildBankSwapItemsCodec } from "./guild-bank-swap.js";
export type {
  CmsgGuildBankSwapItems, GuildBankAutoStore, GuildBankMoveWithinBank, GuildBankMoveWithPlayer,
} from "./guild-bank-swap.js";
export { GuildBankLogType, msgGuildBankLogQueryServerCodec } from "./guild-bank-log.js";
export type { GuildBankLogEntry, GuildBankLogItem, MsgGuildBankLogQueryServer } from "./guild-bank-log.js";

// Petitions (guild and arena charters)
export {
  cmsgPetitionBuyCodec, cmsgPetitionQueryCodec, cmsgPetitionShowlistCodec, cmsgTurnInPetitionCodec,
  msgPetitionRenameCodec, PetitionTurnInResult, smsgPetitionQueryResponseCodec, smsgPetitionShowlistCodec,
  smsgTurnInPetitionResultsCodec,
} from "./petition.js";
export type {
  ArenaTeamEmblem, CmsgPetitionBuy, CmsgPetitionQuery, CmsgPetitionShowlist, CmsgTurnInPetition,
  MsgPetitionRename, PetitionShowlistEntry, SmsgPetitionQueryResponse, SmsgPetitionShowlist,
  SmsgTurnInPetitionResults,
} from "./petition.js";
export {
  cmsgOfferPetitionCodec, cmsgPetitionShowSignaturesCodec, cmsgPetitionSignCodec,
  msgPetitionDeclineClientCodec, msgPetitionDeclineServerCodec, PetitionSignResult,
  smsgPetitionShowSignaturesCodec, smsgPetitionSignResultsCodec,
} from "./petition-signing.js";
export type {
  CmsgOfferPetition, CmsgPetitionSign, MsgPetitionDeclineServer, PetitionRequest, PetitionSignature,
  SmsgPetitionShowSignatures, SmsgPetitionSignResults,
} from "./petition-signing.js";

// Mail
export {
  cmsgGetMailListCodec, cmsgMailDeleteCodec, cmsgMailMarkAsReadCodec, cmsgMailReturnToSenderCodec,
  cmsgMailTakeItemCodec, cmsgMailTakeMoneyCodec, cmsgSendMailCodec, MailAction, MailResult,
  msgQueryNextMailTimeClientCodec, msgQueryNextMailTimeServerCodec, smsgReceivedMailCodec,
  smsgSendMailResultCodec,
} from "./mail.js";
export type {
  CmsgGetMailList, CmsgMailDelete, CmsgMailReturnToSender, CmsgMailTakeItem, CmsgSendMail, MailAttachment,
  MailRequest, MsgQueryNextMailTimeServer, NextMailEntry, SmsgReceivedMail, SmsgSendMailResult,
} from "./mail.js";
export {
  azerothCoreMailSize, MAIL_ITEM_ENCHANTMENT_SLOTS, MailMessageType, smsgMailListResultCodec,
} from "./mail-list.js";
export type { MailItemEnchantment, MailListEntry, MailListItem, SmsgMailListResult } from "./mail-list.js";

// Battlegrounds and arena teams
export {
  cmsgBattlefieldListCodec, cmsgBattlefieldPortCodec, cmsgBattlemasterJoinArenaCodec,
  cmsgBattlemasterJoinCodec, RANDOM_BATTLEGROUND_TYPE, smsgBattlefieldListCodec,
} from "./battlefield.js";
export type {
  BattlefieldRewards, CmsgBattlefieldList, CmsgBattlefieldPort, CmsgBattlemasterJoin,
  CmsgBattlemasterJoinArena, SmsgBattlefieldList,
} from "./battlefield.js";
export { BattlegroundStatus, smsgBattlefieldStatusCodec } from "./battlefield-status.js";
export type { BattlefieldStatusHeader, SmsgBattlefieldStatus } from "./battlefield-status.js";
export {
  ArenaTeamEventType, cmsgArenaTeamAcceptCodec, cmsgArenaTeamDeclineCodec, cmsgArenaTeamDisbandCodec,
  cmsgArenaTeamInviteCodec, cmsgArenaTeamLeaderCodec, cmsgArenaTeamLeaveCodec, cmsgArenaTeamQueryCodec,
  cmsgArenaTeamRemoveCodec, cmsgArenaTeamRosterCodec, smsgArenaTeamCommandResultCodec, smsgArenaTeamEventCodec,
  smsgArenaTeamInviteCodec, smsgArenaTeamQueryResponseCodec, smsgArenaTeamRosterCodec,
} from "./arena-team.js";
export type {
  ArenaTeamPlayerRequest, ArenaTeamRequest, ArenaTeamRosterMember, SmsgArenaTeamCommandResult,
  SmsgArenaTeamEvent, SmsgArenaTeamInvite, SmsgArenaTeamQueryResponse, SmsgArenaTeamRoster,
} from "./arena-team.js";

// Dungeon finder (LFG)
export {
  cmsgLfdPartyLockInfoRequestCodec, cmsgLfdPlayerLockInfoRequestCodec, cmsgLfgGetStatusCodec, cmsgLfgJoinCodec,
  cmsgLfgLeaveCodec, cmsgLfgProposalResultCodec, cmsgLfgSetRolesCodec, cmsgLfgTeleportCodec, LfgRole,
  smsgLfgProposalUpdateCodec, smsgLfgRoleCheckUpdateCodec, smsgLfgRoleChosenCodec,
} from "./lfg.js";
export type {
  CmsgLfgJoin, CmsgLfgProposalResult, CmsgLfgSetRoles, CmsgLfgTeleport, LfgProposalPlayer, LfgRoleCheckMember,
  SmsgLfgProposalUpdate, SmsgLfgRoleCheckUpdate, SmsgLfgRoleChosen,
} from "./lfg.js";
export {
  LfgUpdateType, smsgLfgQueueStatusCodec, smsgLfgUpdatePartyCodec, smsgLfgUpdatePlayerCodec,
} from "./lfg-status.js";
export type {
  LfgPartyQueueDetails, LfgPlayerQueueDetails, SmsgLfgQueueStatus, SmsgLfgUpdateParty, SmsgLfgUpdatePlayer,
} from "./lfg-status.js";
export {
  smsgLfgJoinResultCodec, smsgLfgPartyInfoCodec, smsgLfgPlayerInfoCodec, smsgLfgPlayerRewardCodec,
} from "./lfg-info.js";
export type {
  LfgAvailableDungeon, LfgLockedDungeon, LfgMemberLocks, LfgRewardItem, SmsgLfgJoinResult, SmsgLfgPartyInfo,
  SmsgLfgPlayerInfo, SmsgLfgPlayerReward,
} from "./lfg-info.js";
