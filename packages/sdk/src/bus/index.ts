/**
 * The tc9 bus: typed events with ToCloud9's NATS subjects and Go-JSON bodies, over NATS
 * (`createNatsBus`) or in process (`createLocalBus`), plus the Go-JSON schema DSL and the catalogue
 * of every ToCloud9 event.
 */
export type {
  Bus,
  BusObserver,
  EventContext,
  EventHandler,
  PublishParams,
  RawHandler,
  RawSubscribeOptions,
  SubscribeOptions,
  Subscription,
} from "./bus.js";
export type { KeyValue, KeyValueEntry, KeyValueOptions } from "./key-value.js";
export { createLocalBus, type LocalBusOptions } from "./local-bus.js";
export { createNatsBus } from "./nats-bus.js";
export type { NatsBusOptions } from "./nats-bus-options.js";
export {
  defineEvent,
  TC9_SUBJECT_ROOT,
  TOCLOUD9_EVENT_VERSION,
  type EventDef,
  type EventOptions,
  type EventPayload,
} from "./event.js";
export {
  parseSubjectTemplate,
  subjectMatches,
  type SubjectParamNames,
  type SubjectParams,
  type SubjectTemplate,
} from "./subject-template.js";
export {
  BusClosedError,
  BusDecodeError,
  BusDefinitionError,
  BusEncodeError,
  BusErrorCode,
  BusNotConnectedError,
} from "./errors.js";
export * from "./go-json/index.js";
export * from "./events/index.js";
