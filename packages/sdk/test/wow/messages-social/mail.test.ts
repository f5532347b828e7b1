// Mail messages: byte vectors written out by hand from AzerothCore's MailHandler.cpp
// (HandleSendMail, HandleGetMailList, HandleMailTakeItem, HandleMailDelete,
// HandleMailReturnToSender, HandleQueryNextMailTime) and Player::SendMailResult / SendNewMail.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ProtocolError } from "../../../src/wow/codec/protocol-error.js";
import {
  cmsgGetMailListCodec,
  cmsgMailDeleteCodec,
  cmsgMailMarkAsReadCodec,
  cmsgMailReturnToSenderCodec,
  cmsgMailTakeItemCodec,
  cmsgMailTakeMoneyCodec,
  cmsgSendMailCodec,
  msgQueryNextMailTimeClientCodec,
  msgQueryNextMailTimeServerCodec,
  smsgReceivedMailCodec,
  smsgSendMailResultCodec,
} from "../../../src/wow/world/messages/mail.js";
import { azerothCoreMailSize, smsgMailListResultCodec, type MailListItem, type SmsgMailListResult } from "../../../src/wow/world/messages/mail-list.js";
import { assertFuzzSafe, assertVector, cstr, hex, u32, u64 } from "./helpers.js";

const MAILBOX = 0xf110000000000777n;
const JAINA = 0x2an;

describe("sending and handling mail", () => {
  test("CMSG_SEND_MAIL: slot before GUID, and AzerothCore's u64 + u8 tail", () => {
    const bytes = hex(
      u64(MAILBOX) + cstr("Jaina") + cstr("Gift") + cstr("For you") + u32(41) + u32(0) +
        "02" + "00" + u64(0x4000000000000100n) + "01" + u64(0x4000000000000101n) + u32(0) + u32(500) + u64(0n) + "00",
    );
    assertVector(cmsgSendMailCodec, bytes, {
      mailbox: MAILBOX,
      receiver: "Jaina",
      subject: "Gift",
      body: "For you",
      stationery: 41,
      attachments: [
        { slot: 0, itemGuid: 0x4000000000000100n },
        { slot: 1, itemGuid: 0x4000000000000101n },
      ],
      money: 0,
      cod: 500,
    });
    assertFuzzSafe(cmsgSendMailCodec, bytes);
  });

  test("list, take money, mark as read, take item, delete, return", () => {
    assertVector(cmsgGetMailListCodec, hex(u64(MAILBOX)), { mailbox: MAILBOX });
    assertVector(cmsgMailTakeMoneyCodec, hex(u64(MAILBOX) + u32(77)), { mailbox: MAILBOX, mailId: 77 });
    assertVector(cmsgMailMarkAsReadCodec, hex(u64(MAILBOX) + u32(77)), { mailbox: MAILBOX, mailId: 77 });
    assertVector(cmsgMailTakeItemCodec, hex(u64(MAILBOX) + u32(77) + u32(0x100)), { mailbox: MAILBOX, mailId: 77, itemGuidLow: 0x100 });
    assertVector(cmsgMailDeleteCodec, hex(u64(MAILBOX) + u32(77) + u32(0)), { mailbox: MAILBOX, mailId: 77, mailTemplateId: 0 });
    const returned = hex(u64(MAILBOX) + u32(77) + u64(JAINA));
    assertVector(cmsgMailReturnToSenderCodec, returned, { mailbox: MAILBOX, mailId: 77, senderGuid: JAINA });
    assertFuzzSafe(cmsgMailTakeItemCodec, hex(u64(MAILBOX) + u32(77) + u32(0x100)));
    assertFuzzSafe(cmsgMailDeleteCodec, hex(u64(MAILBOX) + u32(77) + u32(0)));
    assertFuzzSafe(cmsgMailReturnToSenderCodec, returned);
    assertFuzzSafe(cmsgMailTakeMoneyCodec, hex(u64(MAILBOX) + u32(77)));
  });

  test("SMSG_SEND_MAIL_RESULT: plain, equip error, item taken", () => {
    assertVector(smsgSendMailResultCodec, hex(u32(0) + u32(0) + u32(0)), { mailId: 0, action: 0, result: 0 });
    assertVector(smsgSendMailResultCodec, hex(u32(77) + u32(2) + u32(1) + u32(50)), { mailId: 77, action: 2, result: 1, equipError: 50 });
    const taken = hex(u32(77) + u32(2) + u32(0) + u32(0x100) + u32(20));
    assertVector(smsgSendMailResultCodec, taken, { mailId: 77, action: 2, result: 0, item: { itemGuidLow: 0x100, count: 20 } });
    assert.throws(() => smsgSendMailResultCodec.encode({ mailId: 77, action: 2, result: 0 }), ProtocolError);
    assertFuzzSafe(smsgSendMailResultCodec, taken);
  });

  test("MSG_QUERY_NEXT_MAIL_TIME both ways and SMSG_RECEIVED_MAIL", () => {
    assertVector(msgQueryNextMailTimeClientCodec, new Uint8Array(0), {});
    assertVector(msgQueryNextMailTimeServerCodec, hex("00c0a8c7" + u32(0)), { nextMailTime: -86400, entries: [] });
    const unread = hex("00000000" + u32(1) + u64(JAINA) + u32(0) + u32(0) + u32(41) + "000070c2");
    assertVector(msgQueryNextMailTimeServerCodec, unread, {
      nextMailTime: 0,
      entries: [{ senderGuid: JAINA, senderId: 0, messageType: 0, stationery: 41, deliverySeconds: -60 }],
    });
    assertVector(smsgReceivedMailCodec, hex(u32(0)), { unknown: 0 });
    assertFuzzSafe(msgQueryNextMailTimeServerCodec, unread);
    assertFuzzSafe(smsgReceivedMailCodec, hex(u32(0)));
  });
});

describe("SMSG_MAIL_LIST_RESULT", () => {
  const enchantments = Array.from({ length: 7 }, (_, slot) => ({ enchantId: slot === 0 ? 3834 : 0, duration: 0, charges: 0 }));
  const item: MailListItem = {
    index: 0,
    itemGuidLow: 0x100,
    itemId: 44230,
    enchantments,
    randomPropertyId: -42,
    suffixFactor: 55,
    count: 1,
    spellCharges: 0,
    maxDurability: 100,
    durability: 90,
    unknown: 0,
  };
  const itemHex =
    "00" + u32(0x100) + u32(44230) + enchantments.map((e) => u32(e.enchantId) + u32(e.duration) + u32(e.charges)).join("") +
    "d6ffffff" + u32(55) + u32(1) + u32(0) + u32(100) + u32(90) + "00";
  const list: SmsgMailListResult = {
    totalMailCount: 3,
    mails: [
      {
        messageSize: 2 + 4 + 1 + 8 + 32 + 5 + 8 + 1 + 118, // 179: AzerothCore counts 32 bytes for 28
        messageId: 77,
        messageType: 0,
        senderGuid: JAINA,
        cod: 500,
        unknown: 0,
        stationery: 41,
        money: 0,
        flags: 0x10,
        expirationDays: 30,
        mailTemplateId: 0,
        subject: "Gift",
        body: "For you",
        items: [item],
      },
      {
        messageSize: 2 + 4 + 1 + 4 + 32 + 16 + 1 + 1,
        messageId: 78,
        messageType: 2,
        senderId: 7,
        cod: 0,
        unknown: 0,
        stationery: 62,
        money: 1000,
        flags: 0x4,
        expirationDays: 29.5,
        mailTemplateId: 0,
        subject: "Auction expired",
        body: "",
        items: [],
      },
    ],
  };
  const bytes = hex(
    u32(3) + "02" +
      "b300" + u32(77) + "00" + u64(JAINA) + u32(500) + u32(0) + u32(41) + u32(0) + u32(0x10) + "0000f041" + u32(0) + cstr("Gift") + cstr("For you") + "01" + itemHex +
      "3d00" + u32(78) + "02" + u32(7) + u32(0) + u32(0) + u32(62) + u32(1000) + u32(4) + "0000ec41" + u32(0) + cstr("Auction expired") + cstr("") + "00",
  );

  test("a player mail with an item and an auction mail, sizes as AzerothCore estimates them", () => {
    assertVector(smsgMailListResultCodec, bytes, list);
    for (const mail of list.mails) assert.equal(azerothCoreMailSize(mail), mail.messageSize);
  });

  test("the encoder computes the size when it is left out, and checks the sender fields", () => {
    const [first] = list.mails;
    assert.ok(first !== undefined);
    const { messageSize: _size, ...withoutSize } = first;
    const encoded = smsgMailListResultCodec.encode({ totalMailCount: 1, mails: [withoutSize] });
    assert.equal(smsgMailListResultCodec.decode(encoded).mails[0]?.messageSize, first.messageSize);
    assert.throws(() => smsgMailListResultCodec.encode({ totalMailCount: 1, mails: [{ ...first, senderId: 3 }] }), ProtocolError);
  });

  test("fuzz", () => {
    assertFuzzSafe(smsgMailListResultCodec, bytes);
  });
});
