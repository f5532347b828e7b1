import type { PacketReader } from "../../codec/packet-reader.js";
import type { PacketWriter } from "../../codec/packet-writer.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { guidMessageCodec, type GuidMessage } from "./char-delete.js";
import { FriendStatus, SocialFlag, type FriendPresence } from "./social-types.js";
import { failEncode } from "./wire-helpers.js";

/** CMSG_CONTACT_LIST: which relations to list (`SocialFlag` bits; the client sends `ALL`). */
export interface ContactListRequest {
  readonly flags: number;
}

/** One SMSG_CONTACT_LIST entry (AzerothCore `PlayerSocial::SendSocialList`). */
export interface Contact {
  readonly guid: bigint;
  /** `SocialFlag` bits of this relation. */
  readonly flags: number;
  readonly note: string;
  /**
   * Present exactly for friends (`flags & FRIEND`). Area, level and class are on the wire only
   * when the status is not OFFLINE; decoding an offline friend gives zeros for them.
   * (wow_messages sends them only for ONLINE; AzerothCore for every non-zero status.)
   */
  readonly presence?: FriendPresence;
}

/** SMSG_CONTACT_LIST: `u32 flags | u32 count | contacts`. */
export interface ContactList {
  /** The request's filter echoed. */
  readonly flags: number;
  readonly contacts: readonly Contact[];
}

/** CMSG_ADD_FRIEND: a character name and a note. */
export interface AddFriend {
  readonly name: string;
  readonly note: string;
}

/** CMSG_SET_CONTACT_NOTES: a friend's GUID and the new note (AzerothCore keeps 48 characters). */
export interface SetContactNotes {
  readonly guid: bigint;
  readonly note: string;
}

/** CMSG_ADD_IGNORE: a character name. */
export interface AddIgnore {
  readonly name: string;
}

/** Writes a presence block: status, then area, level and class unless offline. */
function writePresence(writer: PacketWriter, presence: FriendPresence): void {
  writer.writeU8(presence.status);
  if (presence.status !== FriendStatus.OFFLINE) writer.writeU32(presence.area).writeU32(presence.level).writeU32(presence.classId);
}

function readPresence(reader: PacketReader): FriendPresence {
  const status = reader.readU8();
  if (status === FriendStatus.OFFLINE) return { status, area: 0, level: 0, classId: 0 };
  return { status, area: reader.readU32(), level: reader.readU32(), classId: reader.readU32() };
}

/** Codec of {@link ContactListRequest}. */
export const contactListRequestCodec: MessageCodec<ContactListRequest> = defineMessageCodec({
  opcode: Opcode.CMSG_CONTACT_LIST,
  write: (writer, message) => void writer.writeU32(message.flags),
  read: (reader) => ({ flags: reader.readU32() }),
});

/** Smallest contact: u64, u32, empty note. */
const MIN_CONTACT_SIZE = 13;

/** Codec of {@link ContactList}. */
export const contactListCodec: MessageCodec<ContactList> = defineMessageCodec({
  opcode: Opcode.SMSG_CONTACT_LIST,
  write(writer, message) {
    writer.writeU32(message.flags).writeU32(message.contacts.length);
    for (const contact of message.contacts) {
      const isFriend = (contact.flags & SocialFlag.FRIEND) !== 0;
      if (isFriend !== (contact.presence !== undefined)) {
        failEncode(writer, Opcode.SMSG_CONTACT_LIST, "presence is given exactly for contacts with the FRIEND flag");
      }
      writer.writeU64(contact.guid).writeU32(contact.flags).writeCString(contact.note);
      if (contact.presence) writePresence(writer, contact.presence);
    }
  },
  read(reader) {
    const flags = reader.readU32();
    const count = reader.readCount(0xffff, { minElementSize: MIN_CONTACT_SIZE });
    const contacts: Contact[] = [];
    for (let index = 0; index < count; index++) {
      const guid = reader.readU64();
      const contactFlags = reader.readU32();
      const note = reader.readCString();
      const base = { guid, flags: contactFlags, note };
      contacts.push(contactFlags & SocialFlag.FRIEND ? { ...base, presence: readPresence(reader) } : base);
    }
    return { flags, contacts };
  },
});

/** Codec of {@link AddFriend}. */
export const addFriendCodec: MessageCodec<AddFriend> = defineMessageCodec({
  opcode: Opcode.CMSG_ADD_FRIEND,
  write: (writer, message) => void writer.writeCString(message.name).writeCString(message.note),
  read: (reader) => ({ name: reader.readCString(), note: reader.readCString() }),
});

/** CMSG_DEL_FRIEND: the friend's u64 GUID. */
export const delFriendCodec: MessageCodec<GuidMessage> = guidMessageCodec(Opcode.CMSG_DEL_FRIEND);

/** Codec of {@link SetContactNotes}. */
export const setContactNotesCodec: MessageCodec<SetContactNotes> = defineMessageCodec({
  opcode: Opcode.CMSG_SET_CONTACT_NOTES,
  write: (writer, message) => void writer.writeU64(message.guid).writeCString(message.note),
  read: (reader) => ({ guid: reader.readU64(), note: reader.readCString() }),
});

/** Codec of {@link AddIgnore}. */
export const addIgnoreCodec: MessageCodec<AddIgnore> = defineMessageCodec({
  opcode: Opcode.CMSG_ADD_IGNORE,
  write: (writer, message) => void writer.writeCString(message.name),
  read: (reader) => ({ name: reader.readCString() }),
});

/** CMSG_DEL_IGNORE: the ignored character's u64 GUID. */
export const delIgnoreCodec: MessageCodec<GuidMessage> = guidMessageCodec(Opcode.CMSG_DEL_IGNORE);
