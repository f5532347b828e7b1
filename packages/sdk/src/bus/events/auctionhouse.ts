/**
 * Events the auction house service publishes to its own replicas for cache sync (ToCloud9 master,
 * `shared/events/events-auctionhouse.go`). Unlike every other ToCloud9 event these are raw JSON
 * bodies without the `{"v","t","p"}` envelope, with snake_case `json` tags.
 */
import { defineEvent, type EventPayload } from "../event.js";
import { bool, i32, jsonName, omitempty, str, struct, u32, u8 } from "../go-json/index.js";

const auction = { RealmID: jsonName("realm_id", u32), AuctionID: jsonName("auction_id", u32) };

/** `auctionhouse.auction.created`. */
export const auctionCreated = defineEvent({
  subject: "auctionhouse.auction.created",
  type: 0,
  envelope: false,
  payload: struct({
    ...auction,
    HouseID: jsonName("house_id", u8),
    ItemGUID: jsonName("item_guid", u32),
    ItemOwner: jsonName("item_owner", u32),
    BuyoutPrice: jsonName("buyout_price", u32),
    Time: jsonName("time", u32),
    StartBid: jsonName("start_bid", u32),
    Deposit: jsonName("deposit", u32),
    ItemEntry: jsonName("item_entry", u32),
    ItemCount: jsonName("item_count", u32),
    Charges: jsonName("charges", i32),
    RandomPropertyID: jsonName("random_property_id", i32),
    SuffixFactor: jsonName("suffix_factor", u32),
    Enchantments: jsonName("enchantments", str),
    Flags: jsonName("flags", u32),
  }),
});

/** `auctionhouse.bid.placed`; `old_bidder` / `old_bid` are left out when 0 (Go `omitempty`). */
export const auctionBidPlaced = defineEvent({
  subject: "auctionhouse.bid.placed",
  type: 0,
  envelope: false,
  payload: struct({
    ...auction,
    BuyGUID: jsonName("buy_guid", u32),
    LastBid: jsonName("last_bid", u32),
    IsBuyout: jsonName("is_buyout", bool),
    OldBidder: jsonName("old_bidder", omitempty(u32)),
    OldBid: jsonName("old_bid", omitempty(u32)),
  }),
});

/** `auctionhouse.auction.canceled`. */
export const auctionCanceled = defineEvent({
  subject: "auctionhouse.auction.canceled",
  type: 0,
  envelope: false,
  payload: struct(auction),
});

/** `auctionhouse.auction.expired`. */
export const auctionExpired = defineEvent({
  subject: "auctionhouse.auction.expired",
  type: 0,
  envelope: false,
  payload: struct(auction),
});

export type AuctionCreated = EventPayload<typeof auctionCreated>;
export type AuctionBidPlaced = EventPayload<typeof auctionBidPlaced>;
export type AuctionCanceled = EventPayload<typeof auctionCanceled>;
export type AuctionExpired = EventPayload<typeof auctionExpired>;
