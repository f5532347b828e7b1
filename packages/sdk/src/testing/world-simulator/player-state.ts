import type { Position } from "../../wow/world/messages/wire-helpers.js";
import type { CharacterSave, SimulatedCharacter } from "./character-store.js";

/** A map and a place on it. */
export interface Location {
  readonly map: number;
  readonly position: Position;
  readonly orientation: number;
}

/** A teleport the client has been told about but has not acknowledged yet. */
export type PendingTeleport =
  /** Same map: MSG_MOVE_TELEPORT_ACK sent, waiting for the client's MSG_MOVE_TELEPORT_ACK. */
  | { readonly kind: "near"; readonly destination: Location; readonly counter: number }
  /** Another map: SMSG_TRANSFER_PENDING and SMSG_NEW_WORLD sent, waiting for MSG_MOVE_WORLDPORT_ACK. */
  | { readonly kind: "far"; readonly destination: Location };

/** The live state of a player in the world, what AzerothCore keeps in its `Player` object. */
export class PlayerState {
  readonly character: SimulatedCharacter;
  map: number;
  /** The zone loaded at login; 0 after a move to another map (the simulator has no map data to tell). */
  zone: number;
  position: Position;
  orientation: number;
  money: number;
  teleport: PendingTeleport | undefined;
  /** SMSG_TIME_SYNC_REQ counter, reset on login and after a far teleport. */
  timeSyncCounter = 0;
  /** The session's movement order counter (`WorldSession::GetOrderCounter`). */
  orderCounter = 0;

  constructor(character: SimulatedCharacter) {
    this.character = character;
    this.map = character.map;
    this.zone = character.zone;
    this.position = character.position;
    this.orientation = character.orientation;
    this.money = character.money;
  }

  get guid(): bigint {
    return this.character.guid;
  }

  get name(): string {
    return this.character.name;
  }

  location(): Location {
    return { map: this.map, position: this.position, orientation: this.orientation };
  }

  /** Moves the player; a new map forgets the zone. */
  relocate(location: Location): void {
    if (location.map !== this.map) this.zone = 0;
    this.map = location.map;
    this.position = location.position;
    this.orientation = location.orientation;
  }

  /**
   * Ends a pending teleport at its destination, as AzerothCore does before saving a player whose
   * logout interrupts a transfer.
   */
  completeTeleport(): void {
    if (this.teleport) this.relocate(this.teleport.destination);
    this.teleport = undefined;
  }

  /** The columns a save writes. */
  toSave(online: boolean): CharacterSave {
    return {
      guid: this.guid,
      map: this.map,
      zone: this.zone,
      position: this.position,
      orientation: this.orientation,
      money: this.money,
      online,
    };
  }
}
