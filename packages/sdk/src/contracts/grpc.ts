/**
 * Turns a generated contract into a `@grpc/grpc-js` service definition whose serializers are the
 * contract's own message types, so grpc-js servers and clients speak the exact ToCloud9 v1 wire
 * format without protobufjs reflection or proto-loader.
 */
import type { MethodDefinition, ServiceDefinition } from "@grpc/grpc-js";
import type { Contract, MessageType, MethodName, RequestOf, ResponseOf } from "./contract.js";

/** A grpc-js service definition keyed like the contract's methods (lower camel case). */
export type GrpcServiceDefinition<C extends Contract> = ServiceDefinition<{
  [K in MethodName<C>]: unknown;
}> & {
  readonly [K in MethodName<C>]: MethodDefinition<RequestOf<C["methods"][K]>, ResponseOf<C["methods"][K]>>;
};

/**
 * Builds the unary grpc-js definition of every method of `contract`. Each method is keyed by its
 * lower-camel-case contract name and carries the RPC name as `originalName`, so a grpc-js
 * implementation or generic client may use either name.
 */
export function toGrpcServiceDefinition<C extends Contract>(contract: C): GrpcServiceDefinition<C> {
  const definition: Record<string, MethodDefinition<object, object>> = {};
  for (const [key, method] of Object.entries(contract.methods)) {
    definition[key] = {
      path: method.path,
      originalName: method.name,
      requestStream: false,
      responseStream: false,
      requestSerialize: serializerOf(method.requestType),
      requestDeserialize: deserializerOf(method.requestType),
      responseSerialize: serializerOf(method.responseType),
      responseDeserialize: deserializerOf(method.responseType),
    };
  }
  return definition as GrpcServiceDefinition<C>;
}

function serializerOf<T extends object>(type: MessageType<T>): (message: T) => Buffer {
  return (message) => {
    const bytes = type.encode(message);
    return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  };
}

function deserializerOf<T extends object>(type: MessageType<T>): (bytes: Buffer) => T {
  return (bytes) => type.decode(bytes);
}
