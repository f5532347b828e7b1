import { z } from "zod";

/** AzerothCore refuses client headers whose size (opcode included) is 10240 or more. */
const AZEROTHCORE_MAX_CLIENT_PAYLOAD = 10_239 - 4;
/** The largest payload a 3.3.5a server header can describe. */
const MAX_SERVER_PAYLOAD = 0x7fffff - 2;

/** Options of the `gateway` module (ToCloud9's game load balancer, port 8085). */
export const gatewayOptionsSchema = z
  .strictObject({
    /** Listen address of the game port; player-facing, so all interfaces by default. */
    host: z.string().min(1).default("0.0.0.0"),
    port: z.number().int().min(0).max(65535).default(8085),
    /** The realm this gateway serves (one realm per gateway, as in ToCloud9). */
    realmId: z.number().int().min(1).max(255).default(1),
    /** Host name advertised in the realm list (ToCloud9 `PREFERRED_HOSTNAME`); "" lets the registry use the caller's IP. */
    publicHost: z.string().default(""),
    /** `/healthcheck` and `/metrics` for the registry's probes (ToCloud9: HTTP 8900); cluster-facing, so loopback by default. */
    health: z
      .strictObject({
        host: z.string().min(1).default("127.0.0.1"),
        port: z.number().int().min(0).max(65535).default(8900),
      })
      .prefault({}),
    /** A client that sends no byte for this long is disconnected (AzerothCore `SocketTimeOutTime`). */
    idleTimeoutMs: z.number().int().positive().default(900_000),
    /** A client that has not authenticated within this long is disconnected. */
    authTimeoutMs: z.number().int().positive().default(30_000),
    /** Client connections beyond this are refused by the listener. */
    maxConnections: z.number().int().positive().default(10_000),
    /** Largest client packet payload accepted (AzerothCore's limit). */
    maxClientPayload: z.number().int().min(64).max(0xffff - 4).default(AZEROTHCORE_MAX_CLIENT_PAYLOAD),
    /** Largest worldserver packet payload accepted. */
    maxWorldPayload: z.number().int().min(1024).max(MAX_SERVER_PAYLOAD).default(MAX_SERVER_PAYLOAD),
    /** A peer that lets this many bytes pile up unread is disconnected. */
    maxWriteBufferBytes: z.number().int().positive().default(4 * 1024 * 1024),
    /** Character GUIDs drawn from the guid module at a time and kept for the next creations. */
    characterGuidDrawSize: z.number().int().min(1).max(10_000).default(10),
    /** Deadline of each call to the characters service, the guid service and the registry (ToCloud9: 5 s). */
    rpcTimeoutMs: z.number().int().positive().default(5_000),
    /** How long opening a worldserver link may take (ToCloud9: 5 s). */
    worldConnectTimeoutMs: z.number().int().positive().default(5_000),
    /** Pause between replaying CMSG_AUTH_SESSION and sending CMSG_PLAYER_LOGIN (ToCloud9: 200 ms). */
    worldLoginDelayMs: z.number().int().min(0).default(200),
    /** How long the worldserver may take to answer CMSG_PLAYER_LOGIN with SMSG_LOGIN_VERIFY_WORLD. */
    worldLoginTimeoutMs: z.number().int().positive().default(15_000),
    /** How long the old worldserver may take to answer TC9_CMSG_PREPARE_FOR_REDIRECT (ToCloud9: 5 s); later = the move fails, the player stays. */
    redirectTimeoutMs: z.number().int().positive().default(5_000),
    /** Client packets held while a character moves between worldservers; further ones are dropped. */
    moveQueueLimit: z.number().int().min(0).default(256),
    /** Re-placing the characters of a worldserver whose link closed (ToCloud9: after 3 s, 3 tries 5 s apart). */
    failover: z
      .strictObject({
        /** Pause after the link closed before the first try. */
        firstDelayMs: z.number().int().min(0).default(250),
        /** Tries (each over every capable worldserver); 0 = no failover, the client goes back to the character screen. */
        tries: z.number().int().min(0).default(3),
        /** Pause between tries. */
        intervalMs: z.number().int().min(0).default(1_000),
      })
      .prefault({}),
    /** Period of the batched `gw.char.chars-updates` event (ToCloud9: 1 s). */
    updatesIntervalMs: z.number().int().positive().default(1_000),
    /** SMSG_CLIENTCACHE_VERSION sent after authentication (AzerothCore `ClientCacheVersion`). */
    clientCacheVersion: z.number().int().min(0).max(0xffffffff).default(0),
  })
  .prefault({});

/** The validated options the gateway runs with. */
export type GatewayOptions = z.output<typeof gatewayOptionsSchema>;
/** What a topology may write for the gateway module (every field optional). */
export type GatewayOptionsInput = z.input<typeof gatewayOptionsSchema>;
