import { ChatMsg, Language } from "../../wow/world/messages/chat-types.js";
import { clientChatMessageCodec, serverChatMessageCodec } from "../../wow/world/messages/chat.js";
import { textEmoteCodec, textEmoteRequestCodec } from "../../wow/world/messages/text-emote.js";
import { parseGmCommand, type GoXyzCommand } from "./gm-command.js";
import { packetOf } from "./login-sequence.js";
import type { WorldPacket } from "./player-create-block.js";
import type { PlayerState } from "./player-state.js";
import { teleport } from "./teleport.js";
import type { WorldSession } from "./world-session.js";

/** The chat types the simulator relays; the cluster's services own whispers, party, guild and channels. */
const LOCAL_CHAT: ReadonlySet<number> = new Set([ChatMsg.SAY, ChatMsg.YELL, ChatMsg.EMOTE]);

/** Sends `packet` to every player on `map` (the simulator's hearing range), the sender included. */
function broadcastOnMap(session: WorldSession, map: number, packet: WorldPacket): void {
  for (const listener of session.context.players.onMap(map)) listener.send(packet);
}

function goXyz(session: WorldSession, player: PlayerState, command: GoXyzCommand): void {
  teleport(session, {
    map: command.map ?? player.map,
    position: { x: command.x, y: command.y, z: command.z ?? player.position.z },
    orientation: command.orientation ?? player.orientation,
  });
}

/**
 * CMSG_MESSAGECHAT: a `.`/`!` text is a GM command (every account is treated as a GM; only
 * `.go xyz` is simulated, others answer "There is no such command."); SAY, YELL and EMOTE are
 * echoed as SMSG_MESSAGECHAT to every player on the sender's map, as `Player::Say`/`Yell`/
 * `TextEmote` build them (the sender as receiver; EMOTE in LANG_UNIVERSAL). Other types are
 * dropped: in a ToCloud9 cluster the gateway hands them to the chat, group and guild services.
 */
export function handleChat(session: WorldSession, payload: Uint8Array): void {
  const message = clientChatMessageCodec.decode(payload);
  const player = session.player;
  if (!player || message.language === Language.ADDON) return;
  const command = parseGmCommand(message.message);
  if (command?.kind === "refused") return session.sendSystemMessage(command.reply);
  if (command?.kind === "go-xyz") return goXyz(session, player, command);
  if (!LOCAL_CHAT.has(message.type)) return;
  const language = message.type === ChatMsg.EMOTE ? Language.UNIVERSAL : message.language;
  const packet = packetOf(serverChatMessageCodec, {
    type: message.type, language, senderGuid: player.guid, flags: 0, receiverGuid: player.guid, message: message.message, chatTag: 0,
  });
  broadcastOnMap(session, player.map, packet);
}

/**
 * CMSG_TEXT_EMOTE: SMSG_TEXT_EMOTE to every player on the map, naming the target when it is a
 * player in this world (the simulator has no creatures and no emote table to check the id against).
 */
export function handleTextEmote(session: WorldSession, payload: Uint8Array): void {
  const request = textEmoteRequestCodec.decode(payload);
  const player = session.player;
  if (!player) return;
  const target = request.target === 0n ? undefined : session.context.players.byGuid(request.target)?.player;
  const packet = packetOf(textEmoteCodec, {
    guid: player.guid, textEmote: request.textEmote, emoteNum: request.emoteNum, targetName: target?.name ?? "",
  });
  broadcastOnMap(session, player.map, packet);
}
