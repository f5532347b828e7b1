import { createServer } from "node:net";
import { EMBEDDED_REALM_ERROR_CODES, EmbeddedRealmError } from "./errors.js";

/** A player-facing listener of the embedded realm and the option that sets its port. */
export interface PlannedListener {
  readonly option: "authPort" | "gatewayPort";
  readonly what: string;
  readonly host: string;
  readonly port: number;
}

/** Binds and releases `host:port`; resolves with the bind error, or undefined when the port is free. */
function tryBind(host: string, port: number): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => resolve(error));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(undefined)));
  });
}

/**
 * Fails with `TC9_ERR_EMBEDDED_PORT_TAKEN` naming the option to change when a fixed port cannot
 * be bound (port 0 always can). Checked before anything starts, because the runtime would
 * otherwise keep retrying a module whose port is taken.
 */
export async function checkPortsFree(listeners: readonly PlannedListener[]): Promise<void> {
  for (const listener of listeners) {
    if (listener.port === 0) continue;
    const error = await tryBind(listener.host, listener.port);
    if (!error) continue;
    const why =
      error.code === "EADDRINUSE"
        ? "is already in use; stop whatever listens there"
        : error.code === "EACCES"
          ? "may not be bound by this user (ports below 1024 need privileges)"
          : `cannot be bound (${error.message}); check host`;
    throw new EmbeddedRealmError(
      EMBEDDED_REALM_ERROR_CODES.portTaken,
      `the ${listener.what} port ${listener.host}:${listener.port} ${why}, or pass another ${listener.option}`,
      { cause: error },
    );
  }
}
