import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { readList } from "./wire-helpers.js";

/*
 * Signing guild and arena team charters (3.3.5a), as AzerothCore `PetitionsHandler.cpp`
 * (`HandlePetitionShowSignOpcode`, `HandleOfferPetitionOpcode`, `HandlePetitionSignOpcode`,
 * `HandlePetitionDeclineOpcode`) reads and writes them. Buying, querying and turning in charters
 * are in `petition.ts`.
 */

/** A message that names one petition (charter item GUID). */
export interface PetitionRequest {
  readonly petitionGuid: bigint;
}

function petitionGuidCodec(opcode: number): MessageCodec<PetitionRequest> {
  return defineMessageCodec({
    opcode,
    write(writer, message) {
      writer.writeU64(message.petitionGuid);
    },
    read(reader) {
      return { petitionGuid: reader.readU64() };
    },
  });
}

/** CMSG_PETITION_SHOW_SIGNATURES: `u64 petition`. */
export const cmsgPetitionShowSignaturesCodec = petitionGuidCodec(Opcode.CMSG_PETITION_SHOW_SIGNATURES);

/** One signature. */
export interface PetitionSignature {
  readonly playerGuid: bigint;
  /** Meaning unknown; AzerothCore writes 0. */
  readonly unknown: number;
}

/** SMSG_PETITION_SHOW_SIGNATURES: a charter and its signatures. */
export interface SmsgPetitionShowSignatures {
  readonly petitionGuid: bigint;
  readonly ownerGuid: bigint;
  /** The petition's low GUID (AzerothCore: "guild guid"). */
  readonly petitionId: number;
  readonly signatures: readonly PetitionSignature[];
}

/** SMSG_PETITION_SHOW_SIGNATURES: `u64 petition | u64 owner | u32 id | u8 n | n × (u64 player, u32)`. */
export const smsgPetitionShowSignaturesCodec: MessageCodec<SmsgPetitionShowSignatures> = defineMessageCodec({
  opcode: Opcode.SMSG_PETITION_SHOW_SIGNATURES,
  write(writer, message) {
    writer.writeU64(message.petitionGuid).writeU64(message.ownerGuid).writeU32(message.petitionId);
    writer.writeU8(message.signatures.length);
    for (const signature of message.signatures) writer.writeU64(signature.playerGuid).writeU32(signature.unknown);
  },
  read(reader) {
    const petitionGuid = reader.readU64();
    const ownerGuid = reader.readU64();
    const petitionId = reader.readU32();
    const count = reader.readCount(0xff, { width: "u8", minElementSize: 12 });
    const signatures = readList(reader, count, (r) => ({ playerGuid: r.readU64(), unknown: r.readU32() }));
    return { petitionGuid, ownerGuid, petitionId, signatures };
  },
});

/** CMSG_OFFER_PETITION: offer a charter to a player for signing. */
export interface CmsgOfferPetition {
  /** Meaning unknown ("this is not petition type!", AzerothCore). */
  readonly unknown: number;
  readonly petitionGuid: bigint;
  readonly targetGuid: bigint;
}

/** CMSG_OFFER_PETITION: `u32 | u64 petition | u64 target`. */
export const cmsgOfferPetitionCodec: MessageCodec<CmsgOfferPetition> = defineMessageCodec({
  opcode: Opcode.CMSG_OFFER_PETITION,
  write(writer, message) {
    writer.writeU32(message.unknown).writeU64(message.petitionGuid).writeU64(message.targetGuid);
  },
  read(reader) {
    return { unknown: reader.readU32(), petitionGuid: reader.readU64(), targetGuid: reader.readU64() };
  },
});

/** CMSG_PETITION_SIGN: sign a charter. */
export interface CmsgPetitionSign {
  readonly petitionGuid: bigint;
  /** Meaning unknown; read and ignored by AzerothCore. */
  readonly unknown: number;
}

/** CMSG_PETITION_SIGN: `u64 petition | u8`. */
export const cmsgPetitionSignCodec: MessageCodec<CmsgPetitionSign> = defineMessageCodec({
  opcode: Opcode.CMSG_PETITION_SIGN,
  write(writer, message) {
    writer.writeU64(message.petitionGuid).writeU8(message.unknown);
  },
  read(reader) {
    return { petitionGuid: reader.readU64(), unknown: reader.readU8() };
  },
});

/** `PetitionSigns` of SMSG_PETITION_SIGN_RESULTS (AzerothCore `Guild.h`). */
export const PetitionSignResult = {
  OK: 0,
  ALREADY_SIGNED: 1,
  ALREADY_IN_GUILD: 2,
  CANT_SIGN_OWN: 3,
  NOT_SERVER: 4,
} as const;

/** SMSG_PETITION_SIGN_RESULTS: the outcome of a signature. */
export interface SmsgPetitionSignResults {
  readonly petitionGuid: bigint;
  readonly playerGuid: bigint;
  /** A {@link PetitionSignResult} value. */
  readonly result: number;
}

/** SMSG_PETITION_SIGN_RESULTS: `u64 petition | u64 signer | u32 result`. */
export const smsgPetitionSignResultsCodec: MessageCodec<SmsgPetitionSignResults> = defineMessageCodec({
  opcode: Opcode.SMSG_PETITION_SIGN_RESULTS,
  write(writer, message) {
    writer.writeU64(message.petitionGuid).writeU64(message.playerGuid).writeU32(message.result);
  },
  read(reader) {
    return { petitionGuid: reader.readU64(), playerGuid: reader.readU64(), result: reader.readU32() };
  },
});

/** MSG_PETITION_DECLINE (client): `u64 petition` the player refuses to sign. */
export const msgPetitionDeclineClientCodec = petitionGuidCodec(Opcode.MSG_PETITION_DECLINE);

/** MSG_PETITION_DECLINE (server): who refused, sent to the owner. */
export interface MsgPetitionDeclineServer {
  readonly playerGuid: bigint;
}

/** MSG_PETITION_DECLINE (server): `u64 player`. */
export const msgPetitionDeclineServerCodec: MessageCodec<MsgPetitionDeclineServer> = defineMessageCodec({
  opcode: Opcode.MSG_PETITION_DECLINE,
  write(writer, message) {
    writer.writeU64(message.playerGuid);
  },
  read(reader) {
    return { playerGuid: reader.readU64() };
  },
});
