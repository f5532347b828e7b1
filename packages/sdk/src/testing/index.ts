// @tc9/sdk/testing — helpers for tests of tc9 modules and of realms built on tc9.
export {
  createScratchDatabase,
  fixturesAvailable,
  fixturesDir,
  testServerUrl,
  FixturesUnavailableError,
} from "../storage/testing.js";
export type { ScratchDatabase, ScratchDatabaseOptions } from "../storage/testing.js";

// Headless 3.3.5a client, logon half: SRP6 logon, reconnect and realm list against an authserver.
export { LOGON_CLIENT_ERROR_CODES, LogonClientError, logon, reconnect } from "./headless/logon-client.js";
export type {
  LogonClientErrorCode,
  LogonConnectionOptions,
  LogonOptions,
  LogonResult,
  LogonStage,
  ReconnectOptions,
  ReconnectResult,
} from "./headless/logon-client.js";

// Headless 3.3.5a client, world half: world handshake, character screen, world, chat and social requests.
export { HeadlessClient } from "./headless/headless-client.js";
export type { HeadlessClientOptions, RealmTarget } from "./headless/headless-client.js";
export { WorldClient } from "./headless/world-client.js";
export type { NewCharacter, PlayerInWorld, WorldClientTiming } from "./headless/world-client.js";
export { WorldConnection } from "./headless/world-connection.js";
export type { MessageListener, ReceivedMessage, WorldConnectionOptions } from "./headless/world-connection.js";
export { authenticateWorld, buildAuthSession } from "./headless/world-handshake.js";
export type { WorldAuthOptions } from "./headless/world-handshake.js";
export { HEADLESS_CLIENT_ERROR_CODES, HeadlessClientError } from "./headless/headless-errors.js";
export type { HeadlessClientErrorCode } from "./headless/headless-errors.js";

// Worldserver simulator: an AzerothCore cluster-mode worldserver with the ToCloud9 sidecar, for gateway and cluster tests.
export { startWorldSimulator, WorldSimulatorError } from "./world-simulator/index.js";
export type {
  SessionState,
  SimulatedSessionInfo,
  SimulatorFaults,
  WorldSimulator,
  WorldSimulatorErrorCode,
  WorldSimulatorOptions,
} from "./world-simulator/index.js";

// Network helpers: a free loopback port, and a private nats-server a test may stop and restart.
export { freePort } from "./free-port.js";
export { PrivateNatsServer } from "./private-nats-server.js";
export { eventually } from "./eventually.js";

// NATS hygiene: a unique subject prefix per test, and deleting the stream and key-value buckets its bus made on a shared NATS.
export { deleteJetStreamState, uniqueSubjectPrefix } from "./jetstream-cleanup.js";
export type { JetStreamCleanupOptions } from "./jetstream-cleanup.js";
