import { createInterface } from "node:readline/promises";
import type { CliIo } from "../../cli-io.js";

/** Asks one question per call on the terminal; an empty answer takes the default. */
export interface Asker {
  ask(question: string, fallback: string): Promise<string>;
  close(): void;
}

/** Questions on `io.stdin`/`io.stdout` with node's readline. */
export function terminalAsker(io: CliIo): Asker {
  const readline = createInterface({ input: io.stdin, output: io.stdout as NodeJS.WritableStream, terminal: true });
  return {
    async ask(question, fallback) {
      const answer = (await readline.question(`${question} (${fallback}): `)).trim();
      return answer === "" ? fallback : answer;
    },
    close: () => readline.close(),
  };
}
