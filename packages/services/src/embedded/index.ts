// The embedded realm: auth, characters, registry, gateway and simulated worldservers in one process.
export { startEmbeddedRealm } from "./embedded-realm.js";
export type { EmbeddedRealm, ListeningAddress } from "./embedded-realm.js";
export { embeddedRealmSettingsSchema } from "./options.js";
export type { EmbeddedRealmOptions, EmbeddedRealmSettings } from "./options.js";
export { EMBEDDED_REALM_ERROR_CODES, EmbeddedRealmError } from "./errors.js";
export type { EmbeddedRealmErrorCode } from "./errors.js";
export { seedStartingPositions } from "./starting-positions.js";
export { prepareRealmDatabaseUrls } from "./realm-databases.js";
export type { RealmDatabases, RealmDatabaseUrls } from "./realm-databases.js";
export { ensureRealmRow } from "./realm-row.js";
export type { RealmRow, StoredRealmRow } from "./realm-row.js";
