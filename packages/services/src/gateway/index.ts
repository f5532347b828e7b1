// The gateway module (ToCloud9's game load balancer, port 8085) and the pieces other code may reuse.
export { defineGatewayModule, gatewayModule } from "./gateway-module.js";
export { gatewayOptionsSchema } from "./options.js";
export type { GatewayOptions, GatewayOptionsInput } from "./options.js";
export { GATEWAY_ERROR_CODES, GatewayError } from "./errors.js";
export type { GatewayErrorCode } from "./errors.js";
export { databaseCharacterEditor } from "./character-editor.js";
export { CharacterGuidPool, guidServiceDraw } from "./character-guids.js";
export type { DrawCharacterGuids } from "./character-guids.js";
export type { CharacterDatabases, CharacterEditor, CreateRequest, DeleteRequest } from "./character-editor.js";
