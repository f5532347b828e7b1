import { BusDefinitionError, type BusDecodeError } from "./errors.js";
import { quoteGoString } from "./go-json/go-string.js";
import { rethrowWithin, type GoType } from "./go-json/go-type.js";
import { decodeMessageBody } from "./go-json/message-body.js";
import { parseSubjectTemplate, type SubjectParamNames, type SubjectTemplate } from "./subject-template.js";

/** The envelope version ToCloud9's Go producers put in `v`. */
export const TOCLOUD9_EVENT_VERSION = "0.0.1";

/** What {@link defineEvent} takes. */
export interface EventOptions<S extends string, P> {
  /** NATS subject; per-target tokens as `{name}`, e.g. `chat.gw.{gatewayID}.income.whisper`. */
  readonly subject: S;
  /** The Go event type number (`t` in the envelope); ignored when `envelope` is false. */
  readonly type: number;
  /** The envelope version `v`; defaults to ToCloud9's `"0.0.1"`. */
  readonly version?: string;
  /** The payload schema, built with the Go-JSON DSL (`struct({...})`). */
  readonly payload: GoType<P>;
  /** `true` (default): `{"v","t","p"}` envelope. `false`: the payload is the whole body. */
  readonly envelope?: boolean;
  /**
   * Kept for durable subscribers that are away, and redelivered until handled (JetStream on the
   * `nats` bus). Only for tc9's own subjects, which live under `tc9.`; ToCloud9's subjects stay
   * plain core NATS, as the Go services use them.
   */
  readonly durable?: boolean;
}

/** A typed bus event: its subject, its Go payload type and its wire codec. */
export interface EventDef<P, K extends string = never> {
  /** The subject, with its parameters `K` (e.g. `gatewayID`). */
  readonly subject: SubjectTemplate<K>;
  /** The Go event type number written as `t`. */
  readonly type: number;
  /** The version written as `v`. */
  readonly version: string;
  /** Whether the body is the `{"v","t","p"}` envelope (else the bare payload). */
  readonly envelope: boolean;
  /** Whether durable subscriptions may use it; see {@link EventOptions.durable}. */
  readonly durable: boolean;
  /** The payload schema. */
  readonly payload: GoType<P>;
  /** The message body Go would publish for this payload. */
  encode(payload: P): Uint8Array;
  /**
   * Reads a message body like ToCloud9's consumers do: the envelope's `p` when the body has an
   * object-valued `p` key (`v` and `t` are not checked), otherwise the whole body (the form the
   * C++ sidecar accepts too). Throws {@link BusDecodeError}.
   */
  decode(body: Uint8Array): P;
}

/** The payload type of an event definition. */
export type EventPayload<E> = E extends EventDef<infer P, string> ? P : never;

/** The subject prefix that every tc9-only subject lives under. */
export const TC9_SUBJECT_ROOT = "tc9.";

const utf8Decoder = new TextDecoder();

/** Defines a typed event; see {@link EventOptions}. */
export function defineEvent<S extends string, P>(options: EventOptions<S, P>): EventDef<P, SubjectParamNames<S>> {
  const subject = parseSubjectTemplate(options.subject);
  const envelope = options.envelope ?? true;
  const durable = options.durable ?? false;
  const version = options.version ?? TOCLOUD9_EVENT_VERSION;
  const { payload, type } = options;
  if (envelope && !(Number.isSafeInteger(type) && type >= 0)) {
    throw new BusDefinitionError(`event ${options.subject} needs a non-negative integer type, got ${type}`);
  }
  if (durable && !options.subject.startsWith(TC9_SUBJECT_ROOT)) {
    throw new BusDefinitionError(
      `event ${options.subject} is durable but not under "${TC9_SUBJECT_ROOT}"; durable events are tc9's own, put the subject under ${TC9_SUBJECT_ROOT}`,
    );
  }
  const header = envelope ? `{"v":${quoteGoString(version)},"t":${type},"p":` : "";
  const footer = envelope ? "}" : "";

  return {
    subject,
    type,
    version,
    envelope,
    durable,
    payload,
    encode: (value) => {
      try {
        return Buffer.from(header + payload.write(value) + footer, "utf8");
      } catch (error) {
        return rethrowWithin(error, "payload");
      }
    },
    decode: (body) => decodeMessageBody(payload, utf8Decoder.decode(body), envelope),
  };
}

