/** What a node child process tells the supervisor over the IPC channel. */

export const NODE_LISTENING_MESSAGE = "tc9.node.listening";

/** Sent once the node's HTTP (and gRPC) servers listen; modules may still be starting. */
export interface NodeListeningMessage {
  readonly type: typeof NODE_LISTENING_MESSAGE;
  readonly httpUrl: string;
  readonly grpcAddress?: string | undefined;
}
