// Guild bank messages: byte vectors written out by hand from AzerothCore's GuildPackets.cpp
// (GuildBankQueryResults::Write, GuildBankSwapItems::Read, GuildBankLogQueryResults::Write,
// GuildBankTextQueryResult::Write and the other client packets' Read()).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ProtocolError } from "../../../src/wow/codec/protocol-error.js";
import {
  cmsgGuildBankBuyTabCodec,
  cmsgGuildBankDepositMoneyCodec,
  cmsgGuildBankerActivateCodec,
  cmsgGuildBankQueryTabCodec,
  cmsgGuildBankUpdateTabCodec,
  cmsgGuildBankWithdrawMoneyCodec,
  cmsgSetGuildBankTextCodec,
  msgGuildBankLogQueryClientCodec,
  msgQueryGuildBankTextClientCodec,
  msgQueryGuildBankTextServerCodec,
} from "../../../src/wow/world/messages/guild-bank.js";
import { smsgGuildBankListCodec, type SmsgGuildBankList } from "../../../src/wow/world/messages/guild-bank-list.js";
import { cmsgGuildBankSwapItemsCodec } from "../../../src/wow/world/messages/guild-bank-swap.js";
import { msgGuildBankLogQueryServerCodec } from "../../../src/wow/world/messages/guild-bank-log.js";
import { assertFuzzSafe, assertVector, cstr, hex, u32, u64 } from "./helpers.js";

const VAULT = 0xf110000000001234n;
const JAINA = 0x2an;

describe("SMSG_GUILD_BANK_LIST", () => {
  const list: SmsgGuildBankList = {
    money: 123456789n,
    tabId: 0,
    withdrawalsRemaining: -1,
    fullUpdate: true,
    tabs: [
      { name: "Main", icon: "INV_Misc_Bag_07" },
      { name: "Mats", icon: "INV_Ore_Iron_01" },
    ],
    slots: [
      { slot: 0, item: { itemId: 40211, flags: 0, randomPropertyId: 0, count: 20, enchantId: 0, charges: 0, sockets: [] } },
      {
        slot: 5,
        item: {
          itemId: 44230,
          flags: 1,
          randomPropertyId: -42,
          randomPropertySeed: 1234,
          count: 1,
          enchantId: 3834,
          charges: 2,
          sockets: [
            { socketIndex: 0, enchantId: 3621 },
            { socketIndex: 2, enchantId: 3525 },
          ],
        },
      },
      { slot: 9 },
    ],
  };
  const bytes = hex(
    u64(123456789n) + "00" + "ffffffff" + "01" +
      "02" + cstr("Main") + cstr("INV_Misc_Bag_07") + cstr("Mats") + cstr("INV_Ore_Iron_01") +
      "03" +
      "00" + u32(40211) + u32(0) + u32(0) + u32(20) + u32(0) + "00" + "00" +
      "05" + u32(44230) + u32(1) + "d6ffffff" + u32(1234) + u32(1) + u32(3834) + "02" + "02" + "00" + u32(3621) + "02" + u32(3525) +
      "09" + u32(0),
  );

  test("tab 0 full update: tab list, an item, a random-property item with gems, an empty slot", () => {
    assertVector(smsgGuildBankListCodec, bytes, list);
  });

  test("other tabs have no tab list even on a full update", () => {
    const tab2 = hex(u64(5n) + "02" + u32(3) + "01" + "01" + "00" + u32(0));
    assertVector(smsgGuildBankListCodec, tab2, { money: 5n, tabId: 2, withdrawalsRemaining: 3, fullUpdate: true, slots: [{ slot: 0 }] });
    assert.throws(() => smsgGuildBankListCodec.encode({ money: 5n, tabId: 2, withdrawalsRemaining: 3, fullUpdate: true, tabs: [], slots: [] }), ProtocolError);
  });

  test("the encoder refuses a random property without seed and item id 0", () => {
    const item = list.slots[0]?.item;
    assert.ok(item !== undefined);
    assert.throws(() => smsgGuildBankListCodec.encode({ ...list, slots: [{ slot: 0, item: { ...item, randomPropertyId: 3 } }] }), ProtocolError);
    assert.throws(() => smsgGuildBankListCodec.encode({ ...list, slots: [{ slot: 0, item: { ...item, itemId: 0 } }] }), ProtocolError);
  });

  test("fuzz", () => {
    assertFuzzSafe(smsgGuildBankListCodec, bytes);
  });
});

describe("CMSG_GUILD_BANK_SWAP_ITEMS", () => {
  test("bank to bank", () => {
    const bytes = hex(u64(VAULT) + "01" + "01 07" + u32(0) + "00 03" + u32(40211) + "00" + u32(5));
    assertVector(cmsgGuildBankSwapItemsCodec, bytes, {
      kind: "bank",
      banker: VAULT,
      destinationTab: 1,
      destinationSlot: 7,
      destinationItemId: 0,
      sourceTab: 0,
      sourceSlot: 3,
      sourceItemId: 40211,
      autoStore: false,
      splitAmount: 5,
    });
    assertFuzzSafe(cmsgGuildBankSwapItemsCodec, bytes);
  });

  test("bank to the player's bags with auto-store", () => {
    const bytes = hex(u64(VAULT) + "00" + "00 03" + u32(40211) + "01" + u32(20) + "01" + u32(0));
    assertVector(cmsgGuildBankSwapItemsCodec, bytes, {
      kind: "auto-store",
      banker: VAULT,
      bankTab: 0,
      bankSlot: 3,
      itemId: 40211,
      autoStoreCount: 20,
      toCharacter: 1,
      unknown: 0,
    });
    assertFuzzSafe(cmsgGuildBankSwapItemsCodec, bytes);
  });

  test("between a bank slot and a bag slot, both directions; trailing bytes are tolerated", () => {
    const toBank = hex(u64(VAULT) + "00" + "00 03" + u32(0) + "00" + "ff 17" + "00" + u32(0));
    const message = {
      kind: "player",
      banker: VAULT,
      bankTab: 0,
      bankSlot: 3,
      itemId: 0,
      playerBag: 0xff,
      playerSlot: 0x17,
      toCharacter: false,
      splitAmount: 0,
    } as const;
    assertVector(cmsgGuildBankSwapItemsCodec, toBank, message);
    assert.deepEqual(cmsgGuildBankSwapItemsCodec.decode(hex(Buffer.from(toBank).toString("hex") + "0000")), message);
    const toBags = cmsgGuildBankSwapItemsCodec.encode({ ...message, toCharacter: true, splitAmount: 4 });
    assert.equal(Buffer.from(toBags).toString("hex"), u64(VAULT) + "00" + "0003" + u32(0) + "00" + "ff17" + "01" + u32(4));
    assertFuzzSafe(cmsgGuildBankSwapItemsCodec, toBank);
  });
});

describe("guild bank requests, texts and the log", () => {
  test("activate, query tab, money, buy and update tab", () => {
    assertVector(cmsgGuildBankerActivateCodec, hex(u64(VAULT) + "01"), { banker: VAULT, fullUpdate: true });
    assertVector(cmsgGuildBankQueryTabCodec, hex(u64(VAULT) + "02 00"), { banker: VAULT, tab: 2, fullUpdate: false });
    assertVector(cmsgGuildBankDepositMoneyCodec, hex(u64(VAULT) + u32(10000)), { banker: VAULT, money: 10000 });
    assertVector(cmsgGuildBankWithdrawMoneyCodec, hex(u64(VAULT) + u32(500)), { banker: VAULT, money: 500 });
    assertVector(cmsgGuildBankBuyTabCodec, hex(u64(VAULT) + "03"), { banker: VAULT, tab: 3 });
    const update = hex(u64(VAULT) + "01" + cstr("Mats") + cstr("INV_Ore_Iron_01"));
    assertVector(cmsgGuildBankUpdateTabCodec, update, { banker: VAULT, tab: 1, name: "Mats", icon: "INV_Ore_Iron_01" });
    assertFuzzSafe(cmsgGuildBankerActivateCodec, hex(u64(VAULT) + "01"));
    assertFuzzSafe(cmsgGuildBankQueryTabCodec, hex(u64(VAULT) + "02 00"));
    assertFuzzSafe(cmsgGuildBankDepositMoneyCodec, hex(u64(VAULT) + u32(10000)));
    assertFuzzSafe(cmsgGuildBankBuyTabCodec, hex(u64(VAULT) + "03"));
    assertFuzzSafe(cmsgGuildBankUpdateTabCodec, update);
  });

  test("tab texts: query both ways and set", () => {
    assertVector(msgQueryGuildBankTextClientCodec, hex("01"), { tab: 1 });
    assertVector(msgQueryGuildBankTextServerCodec, hex("01" + cstr("Mats only")), { tab: 1, text: "Mats only" });
    assertVector(cmsgSetGuildBankTextCodec, hex("01" + cstr("Mats only")), { tab: 1, text: "Mats only" });
    assertFuzzSafe(msgQueryGuildBankTextServerCodec, hex("01" + cstr("Mats only")));
  });

  test("MSG_GUILD_BANK_LOG_QUERY both ways: item, move and money entries", () => {
    assertVector(msgGuildBankLogQueryClientCodec, hex("06"), { tab: 6 });
    const bytes = hex(
      "00" + "03" +
        "01" + u64(JAINA) + u32(40211) + u32(20) + u32(600) +
        "03" + u64(JAINA) + u32(40211) + u32(5) + "02" + u32(500) +
        "04" + u64(JAINA) + u32(10000) + u32(60),
    );
    assertVector(msgGuildBankLogQueryServerCodec, bytes, {
      tab: 0,
      entries: [
        { entryType: 1, playerGuid: JAINA, item: { itemId: 40211, count: 20 }, secondsAgo: 600 },
        { entryType: 3, playerGuid: JAINA, item: { itemId: 40211, count: 5, otherTab: 2 }, secondsAgo: 500 },
        { entryType: 4, playerGuid: JAINA, money: 10000, secondsAgo: 60 },
      ],
    });
    assert.throws(
      () => msgGuildBankLogQueryServerCodec.encode({ tab: 0, entries: [{ entryType: 4, playerGuid: 1n, item: { itemId: 1, count: 1 }, secondsAgo: 0 }] }),
      ProtocolError,
    );
    assertFuzzSafe(msgGuildBankLogQueryServerCodec, bytes);
  });
});
