// Petition (charter) messages: byte vectors written out by hand from AzerothCore's
// PetitionsHandler.cpp (SendPetitionShowList, HandlePetitionBuyOpcode, SendPetitionQueryOpcode,
// HandlePetitionShowSignOpcode, HandlePetitionSignOpcode, HandleTurnInPetitionOpcode, …).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ProtocolError } from "../../../src/wow/codec/protocol-error.js";
import {
  cmsgPetitionBuyCodec,
  cmsgPetitionQueryCodec,
  cmsgPetitionShowlistCodec,
  cmsgTurnInPetitionCodec,
  msgPetitionRenameCodec,
  smsgPetitionQueryResponseCodec,
  smsgPetitionShowlistCodec,
  smsgTurnInPetitionResultsCodec,
} from "../../../src/wow/world/messages/petition.js";
import {
  cmsgOfferPetitionCodec,
  cmsgPetitionShowSignaturesCodec,
  cmsgPetitionSignCodec,
  msgPetitionDeclineClientCodec,
  msgPetitionDeclineServerCodec,
  smsgPetitionShowSignaturesCodec,
  smsgPetitionSignResultsCodec,
} from "../../../src/wow/world/messages/petition-signing.js";
import { assertFuzzSafe, assertVector, cstr, hex, u32, u64 } from "./helpers.js";

const NPC = 0xf130000000004a2bn;
const CHARTER = 0x4000000000000321n;
const JAINA = 0x2an;
const THRALL = 0x2bn;

describe("buying charters", () => {
  test("CMSG_PETITION_SHOWLIST and SMSG_PETITION_SHOWLIST (guild and the three arena charters)", () => {
    assertVector(cmsgPetitionShowlistCodec, hex(u64(NPC)), { npc: NPC });
    const guild = hex(u64(NPC) + "01" + u32(1) + u32(5863) + u32(16161) + u32(1000) + u32(0) + u32(9));
    assertVector(smsgPetitionShowlistCodec, guild, {
      npc: NPC,
      entries: [{ index: 1, charterEntry: 5863, charterDisplayId: 16161, cost: 1000, unknown: 0, requiredSignatures: 9 }],
    });
    const arena = hex(
      u64(NPC) + "03" +
        u32(1) + u32(23560) + u32(16161) + u32(800000) + u32(2) + u32(2) +
        u32(2) + u32(23561) + u32(16161) + u32(1200000) + u32(3) + u32(3) +
        u32(3) + u32(23562) + u32(16161) + u32(2000000) + u32(5) + u32(5),
    );
    const decoded = smsgPetitionShowlistCodec.decode(arena);
    assert.deepEqual(decoded.entries.map((entry) => entry.requiredSignatures), [2, 3, 5]);
    assertVector(smsgPetitionShowlistCodec, arena, decoded);
    assertFuzzSafe(smsgPetitionShowlistCodec, guild);
  });

  test("CMSG_PETITION_BUY: the AzerothCore-read fields among the skipped ones", () => {
    const bytes = hex(
      u64(NPC) + u32(0) + u64(0n) + cstr("Knights") + cstr("") +
        u32(0).repeat(7) + "0000" + u32(0).repeat(3) + "00".repeat(10) + u32(1) + u32(0),
    );
    assertVector(cmsgPetitionBuyCodec, bytes, { npc: NPC, name: "Knights", index: 1 });
    assertFuzzSafe(cmsgPetitionBuyCodec, bytes);
  });
});

describe("signing", () => {
  test("show, query and offer", () => {
    assertVector(cmsgPetitionShowSignaturesCodec, hex(u64(CHARTER)), { petitionGuid: CHARTER });
    const signatures = hex(u64(CHARTER) + u64(JAINA) + u32(0x321) + "02" + u64(THRALL) + u32(0) + u64(0x2cn) + u32(0));
    assertVector(smsgPetitionShowSignaturesCodec, signatures, {
      petitionGuid: CHARTER,
      ownerGuid: JAINA,
      petitionId: 0x321,
      signatures: [
        { playerGuid: THRALL, unknown: 0 },
        { playerGuid: 0x2cn, unknown: 0 },
      ],
    });
    assertVector(cmsgPetitionQueryCodec, hex(u32(0x321) + u64(CHARTER)), { petitionId: 0x321, petitionGuid: CHARTER });
    assertVector(cmsgOfferPetitionCodec, hex(u32(0) + u64(CHARTER) + u64(THRALL)), { unknown: 0, petitionGuid: CHARTER, targetGuid: THRALL });
    assertFuzzSafe(smsgPetitionShowSignaturesCodec, signatures);
    assertFuzzSafe(cmsgPetitionQueryCodec, hex(u32(0x321) + u64(CHARTER)));
    assertFuzzSafe(cmsgOfferPetitionCodec, hex(u32(0) + u64(CHARTER) + u64(THRALL)));
  });

  test("SMSG_PETITION_QUERY_RESPONSE for a guild charter", () => {
    const bytes = hex(
      u32(0x321) + u64(JAINA) + cstr("Knights") + "00" + u32(9) + u32(9) + u32(0) +
        u32(0).repeat(4) + "0000" + u32(0).repeat(3) + "00".repeat(10) + u32(0) + u32(0),
    );
    assertVector(smsgPetitionQueryResponseCodec, bytes, {
      petitionId: 0x321,
      ownerGuid: JAINA,
      name: "Knights",
      bodyText: "",
      minSignatures: 9,
      maxSignatures: 9,
      unknown: 0,
      charterType: 0,
    });
    assertFuzzSafe(smsgPetitionQueryResponseCodec, bytes);
  });

  test("sign, results, decline both ways, rename", () => {
    assertVector(cmsgPetitionSignCodec, hex(u64(CHARTER) + "01"), { petitionGuid: CHARTER, unknown: 1 });
    const results = hex(u64(CHARTER) + u64(THRALL) + u32(0));
    assertVector(smsgPetitionSignResultsCodec, results, { petitionGuid: CHARTER, playerGuid: THRALL, result: 0 });
    assertVector(msgPetitionDeclineClientCodec, hex(u64(CHARTER)), { petitionGuid: CHARTER });
    assertVector(msgPetitionDeclineServerCodec, hex(u64(THRALL)), { playerGuid: THRALL });
    assertVector(msgPetitionRenameCodec, hex(u64(CHARTER) + cstr("Knights of Dawn")), { petitionGuid: CHARTER, newName: "Knights of Dawn" });
    assertFuzzSafe(cmsgPetitionSignCodec, hex(u64(CHARTER) + "01"));
    assertFuzzSafe(smsgPetitionSignResultsCodec, results);
    assertFuzzSafe(msgPetitionRenameCodec, hex(u64(CHARTER) + cstr("Knights of Dawn")));
  });
});

describe("turning in", () => {
  test("a guild charter is only the GUID; an arena charter adds the emblem", () => {
    assertVector(cmsgTurnInPetitionCodec, hex(u64(CHARTER)), { petitionGuid: CHARTER });
    const arena = hex(u64(CHARTER) + u32(0xff112233) + u32(14) + u32(0xff445566) + u32(2) + u32(0xff778899));
    assertVector(cmsgTurnInPetitionCodec, arena, {
      petitionGuid: CHARTER,
      emblem: { backgroundColor: 0xff112233, emblemStyle: 14, emblemColor: 0xff445566, borderStyle: 2, borderColor: 0xff778899 },
    });
    assert.throws(() => cmsgTurnInPetitionCodec.decode(hex(u64(CHARTER) + "01")), ProtocolError);
    assertFuzzSafe(cmsgTurnInPetitionCodec, arena);
  });

  test("SMSG_TURN_IN_PETITION_RESULTS", () => {
    assertVector(smsgTurnInPetitionResultsCodec, hex(u32(4)), { result: 4 });
    assertFuzzSafe(smsgTurnInPetitionResultsCodec, hex(u32(4)));
  });
});
