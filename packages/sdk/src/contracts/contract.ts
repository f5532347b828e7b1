/**
 * The shape every generated contract has. A contract is one ToCloud9 v1 gRPC service: its full
 * name, and for each RPC the gRPC path plus the request and response message types. The module
 * runtime turns a contract into a grpc-js service definition, a gRPC client, or an in-process
 * binding, so that `Handlers<C>` and `Client<C>` are the only interfaces a module sees.
 */

/** A protobuf message type: proto3 defaults, binary encode/decode (protobufjs is the codec). */
export interface MessageType<T extends object> {
  /** Fully qualified protobuf name, e.g. `v1.RegisterGameServerRequest`. */
  readonly typeName: string;
  /** A message with every field at its proto3 default, overridden by `init`. */
  create(init?: MessageInit<T>): T;
  encode(message: T): Uint8Array;
  /** Throws on malformed bytes (a truncated or invalid wire format). */
  decode(bytes: Uint8Array): T;
}

type Scalar = string | number | boolean | bigint | Uint8Array;

/**
 * What `create()` accepts: every field optional, nested messages too. (`[E] extends [Scalar]`
 * keeps a union element type such as an enum or `boolean` from being distributed.)
 */
export type MessageInit<T> = {
  [K in keyof T]?: T[K] extends Scalar | undefined
    ? T[K]
    : T[K] extends ReadonlyArray<infer E>
      ? [E] extends [Scalar]
        ? T[K]
        : MessageInit<E>[]
      : T[K] extends Map<infer MK, infer MV>
        ? Map<MK, [MV] extends [Scalar] ? MV : MessageInit<MV>>
        : MessageInit<T[K]>;
};

export interface Method<Req extends object, Res extends object> {
  /** The RPC name as in the .proto file, e.g. `RegisterGameServer`. */
  readonly name: string;
  /** The gRPC path, e.g. `/v1.ServersRegistryService/RegisterGameServer`. */
  readonly path: string;
  readonly requestType: MessageType<Req>;
  readonly responseType: MessageType<Res>;
}

// Method uses method-syntax members (bivariant), so any Method<Q, R> is assignable to this.
export type AnyMethod = Method<object, object>;

export interface Contract<M extends Record<string, AnyMethod> = Record<string, AnyMethod>> {
  /** e.g. `ServersRegistryService` */
  readonly serviceName: string;
  /** e.g. `v1.ServersRegistryService` */
  readonly fullName: string;
  /** Keyed by the lower-camel-case RPC name, e.g. `registerGameServer`. */
  readonly methods: M;
}

export type RequestOf<M> = M extends Method<infer Q, object> ? Q : never;
export type ResponseOf<M> = M extends Method<object, infer R> ? R : never;
export type MethodName<C extends Contract> = keyof C["methods"] & string;

/** What a handler learns about the call it serves. */
export interface CallContext {
  /** Aborted when the caller cancels or the deadline passes. */
  readonly signal: AbortSignal;
  /** Absolute deadline in ms since the epoch, if the caller set one. */
  readonly deadline: number | undefined;
  /** `in-process`, or the gRPC peer address. */
  readonly peer: string;
}

export interface CallOptions {
  /** Relative deadline in milliseconds. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** The implementation a module provides for a contract it serves. */
export type Handlers<C extends Contract> = {
  [K in MethodName<C>]: (
    request: RequestOf<C["methods"][K]>,
    call: CallContext,
  ) => Promise<ResponseOf<C["methods"][K]>>;
};

/** What `ctx.use(C)` returns: one interface for in-process and gRPC bindings. */
export type Client<C extends Contract> = {
  [K in MethodName<C>]: (
    request: MessageInit<RequestOf<C["methods"][K]>>,
    options?: CallOptions,
  ) => Promise<ResponseOf<C["methods"][K]>>;
};

/** Identity helper that keeps the literal method map type of a generated contract. */
export function defineContract<M extends Record<string, AnyMethod>>(contract: Contract<M>): Contract<M> {
  return contract;
}
