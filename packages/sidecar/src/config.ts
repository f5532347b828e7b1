import { z } from "zod";
import { SidecarError } from "./errors.js";

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const hostPort = (fallback: string) =>
  z.string().regex(/^[^\s:]+:\d{1,5}$/, "must be host:port, e.g. localhost:8999").default(fallback);
const milliseconds = (fallback: number) => z.coerce.number().int().min(10).max(600_000).default(fallback);

/**
 * The sidecar's environment. Names and defaults are those of ToCloud9's C++ libsidecar (`TC9_`
 * prefix); the `TC9_SIDECAR_*` / `TC9_NATS_SUBJECT_PREFIX` / `TC9_HEALTH_CHECK_DEADLINE_MS`
 * variables are tc9's own, and `TC9_GROUP_ADDRESS` / `TC9_CHARACTERS_ADDRESS` stand for PR #37's
 * `GROUP_SERVICE_ADDRESS` / `CHAR_SERVICE_ADDRESS` (ToCloud9's ports 8998 / 8991).
 */
const envSchema = z.object({
  TC9_GRPC_PORT: port(9501),
  TC9_HEALTH_CHECK_PORT: port(8901),
  TC9_PREFERRED_HOSTNAME: z.string().default(""),
  TC9_SERVERS_REGISTRY_ADDRESS: hostPort("localhost:8999"),
  TC9_MATCHMAKING_ADDRESS: hostPort("localhost:8994"),
  TC9_GUID_PROVIDER_ADDRESS: hostPort("localhost:8996"),
  TC9_GROUP_ADDRESS: hostPort("localhost:8998"),
  TC9_CHARACTERS_ADDRESS: hostPort("localhost:8991"),
  TC9_NATS_URL: z.string().regex(/^(nats|tls|ws|wss):\/\/.+/, "must be a NATS URL, e.g. nats://localhost:4222").default("nats://localhost:4222"),
  TC9_LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent", "off"]).default("info"),
  TC9_SIDECAR_SOCKET: z.string().min(1).optional(),
  TC9_SIDECAR_LISTEN_HOST: z.string().min(1).default("127.0.0.1"),
  TC9_SIDECAR_REQUEST_TIMEOUT_MS: milliseconds(5_000),
  TC9_HEALTH_CHECK_DEADLINE_MS: milliseconds(1_000),
  TC9_NATS_SUBJECT_PREFIX: z.string().regex(/^([A-Za-z0-9_-]+\.)*$/, "must be empty or end with a dot, e.g. test1.").default(""),
});

/** Everything the sidecar process needs, validated. */
export interface SidecarConfig {
  /** gRPC port of WorldServerService (`TC9_GRPC_PORT`); 0 picks a free one. */
  readonly grpcPort: number;
  /** `/healthcheck` and `/metrics` port (`TC9_HEALTH_CHECK_PORT`); 0 picks a free one. */
  readonly healthCheckPort: number;
  /** Interface the gRPC and health ports listen on (`TC9_SIDECAR_LISTEN_HOST`). */
  readonly listenHost: string;
  /** Host the registry advertises for this worldserver; "" = the address the registry sees. */
  readonly preferredHostname: string;
  readonly serversRegistryAddress: string;
  /** MatchmakingService: battleground and LFG notifications, rated arena results. */
  readonly matchmakingAddress: string;
  readonly guidProviderAddress: string;
  /** GroupService: member state, ready checks, subgroups, flags, materialized LFG groups. */
  readonly groupAddress: string;
  /** CharactersService: LFG dungeon routes entered. */
  readonly charactersAddress: string;
  readonly natsUrl: string;
  /** Prepended to every NATS subject (isolates clusters or tests sharing one NATS). */
  readonly natsSubjectPrefix: string;
  /** pino level; `off` is `silent`. */
  readonly logLevel: string;
  /** The Unix socket libsidecar connects to; the library's default when unset. */
  readonly socketPath: string;
  /** Deadline of every request forwarded to the world loop (ToCloud9: 5 s). */
  readonly requestTimeoutMs: number;
  /** How long `/healthcheck` waits for the world loop before answering 503. */
  readonly healthCheckDeadlineMs: number;
}

/** The socket libsidecar uses when `TC9_SIDECAR_SOCKET` is unset (see native/src/config.c). */
export function defaultSocketPath(grpcPort: number): string {
  return `/tmp/tc9-sidecar-${grpcPort}.sock`;
}

/**
 * Reads and validates the `TC9_*` environment. Throws a `TC9_ERR_SIDECAR_CONFIG`
 * {@link SidecarError} naming every invalid variable.
 */
export function loadSidecarConfig(env: Readonly<Record<string, string | undefined>>): SidecarConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([key, value]) => key.startsWith("TC9_") && value !== undefined && value !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new SidecarError("TC9_ERR_SIDECAR_CONFIG", `invalid sidecar environment: ${problems}; fix those variables and start again`);
  }
  const e = parsed.data;
  return {
    grpcPort: e.TC9_GRPC_PORT,
    healthCheckPort: e.TC9_HEALTH_CHECK_PORT,
    listenHost: e.TC9_SIDECAR_LISTEN_HOST,
    preferredHostname: e.TC9_PREFERRED_HOSTNAME,
    serversRegistryAddress: e.TC9_SERVERS_REGISTRY_ADDRESS,
    matchmakingAddress: e.TC9_MATCHMAKING_ADDRESS,
    guidProviderAddress: e.TC9_GUID_PROVIDER_ADDRESS,
    groupAddress: e.TC9_GROUP_ADDRESS,
    charactersAddress: e.TC9_CHARACTERS_ADDRESS,
    natsUrl: e.TC9_NATS_URL,
    natsSubjectPrefix: e.TC9_NATS_SUBJECT_PREFIX,
    logLevel: e.TC9_LOG_LEVEL === "off" ? "silent" : e.TC9_LOG_LEVEL,
    socketPath: e.TC9_SIDECAR_SOCKET ?? defaultSocketPath(e.TC9_GRPC_PORT),
    requestTimeoutMs: e.TC9_SIDECAR_REQUEST_TIMEOUT_MS,
    healthCheckDeadlineMs: e.TC9_HEALTH_CHECK_DEADLINE_MS,
  };
}
