import mysql, { type Connection } from "mysql2/promise";
import { describeTarget, type ConnectionSettings } from "./connection-url.js";
import { sharedConnectionOptions } from "./database.js";
import { translateDriverError } from "./driver-errors.js";
import { StorageQueryError } from "./errors.js";
import { PreparedStatements, type Queryable } from "./queryable.js";

const defaultConnectTimeoutMs = 5000;

/**
 * One dedicated connection that may run multi-statement SQL scripts (schema files, migrations,
 * fixture dumps) besides ordinary prepared statements. Internal to the storage layer: only the
 * migration runner, the schema installer and the test helpers open one. Session state (a
 * `GET_LOCK`, `SET` variables) lives as long as the session.
 */
export class ScriptSession {
  /** Prepared statements on this session's connection. */
  readonly statements: Queryable;
  readonly target: string;
  readonly #connection: Connection;

  private constructor(connection: Connection, target: string) {
    this.#connection = connection;
    this.target = target;
    this.statements = new PreparedStatements((sql, values) => connection.execute(sql, values), target);
  }

  /**
   * Connects to the server of `settings`; `database` overrides the URL's database (`null`: none,
   * for server-level work such as CREATE DATABASE).
   */
  static async open(settings: ConnectionSettings, database?: string | null): Promise<ScriptSession> {
    const effective = { ...settings, database: database === undefined ? settings.database : (database ?? undefined) };
    const target = describeTarget(effective);
    try {
      const connection = await mysql.createConnection({
        ...sharedConnectionOptions(effective, defaultConnectTimeoutMs),
        multipleStatements: true,
      });
      return new ScriptSession(connection, target);
    } catch (error) {
      throw translateDriverError(error, target, undefined);
    }
  }

  /** Runs a script of `;`-separated statements in one round trip; `label` prefixes its errors. */
  async runScript(sql: string, label?: string): Promise<void> {
    try {
      await this.#connection.query(sql);
    } catch (error) {
      const translated = translateDriverError(error, this.target, undefined);
      if (translated instanceof StorageQueryError && label !== undefined) {
        throw new StorageQueryError(`${label}: ${translated.message}`, {
          sqlCode: translated.sqlCode,
          errno: translated.errno,
          sqlState: translated.sqlState,
          cause: error,
        });
      }
      throw translated;
    }
  }

  /** Closes the connection (releasing any session lock). */
  async close(): Promise<void> {
    try {
      await this.#connection.end();
    } catch {
      this.#connection.destroy();
    }
  }
}
