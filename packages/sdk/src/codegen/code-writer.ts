/** Builds generated source text line by line: two-space indentation, lines kept near 100 columns. */
const MAX_WIDTH = 100;

export class CodeWriter {
  readonly #lines: string[] = [];
  #depth = 0;

  /** Appends one line at the current indentation (an empty line stays empty). */
  line(text = ""): this {
    this.#lines.push(text === "" ? "" : this.#indent() + text);
    return this;
  }

  /** Appends `open`, indents whatever `body` writes, then appends `close`. */
  block(open: string, body: () => void, close = "}"): this {
    this.line(open);
    return this.indented(body).line(close);
  }

  /** Indents whatever `body` writes by one level. */
  indented(body: () => void): this {
    this.#depth++;
    body();
    this.#depth--;
    return this;
  }

  /**
   * Appends `head` + comma-separated `items` + `tail` on one line when it fits, otherwise one
   * item per line (with trailing commas) between `head` and `tail`.
   */
  list(head: string, items: readonly string[], tail: string): this {
    const oneLine = `${head}${items.join(", ")}${tail}`;
    if (this.#indent().length + oneLine.length <= MAX_WIDTH) return this.line(oneLine);
    return this.block(head.trimEnd(), () => {
      for (const item of items) this.line(`${item},`);
    }, tail.trimStart());
  }

  /** Appends a `/** … *\/` doc comment, wrapping long lines; nothing when every paragraph is empty. */
  doc(...paragraphs: (string | undefined)[]): this {
    const text = paragraphs.filter((paragraph): paragraph is string => paragraph !== undefined && paragraph !== "");
    if (text.length === 0) return this;
    const width = MAX_WIDTH - this.#indent().length - 3;
    const lines = text
      .join("\n\n")
      .replaceAll("*/", "*\\/")
      .split("\n")
      .flatMap((line) => wrap(line.trimEnd(), width));
    if (lines.length === 1 && (lines[0] ?? "").length <= width - 3) return this.line(`/** ${lines[0] ?? ""} */`);
    this.line("/**");
    for (const line of lines) this.line(line === "" ? " *" : ` * ${line}`);
    return this.line(" */");
  }

  toString(): string {
    return `${this.#lines.join("\n")}\n`;
  }

  #indent(): string {
    return "  ".repeat(this.#depth);
  }
}

/** Greedy word wrap that keeps the line's leading whitespace on continuation lines. */
function wrap(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const leading = /^\s*/.exec(line)?.[0] ?? "";
  const wrapped: string[] = [];
  let current = leading;
  for (const word of line.slice(leading.length).split(/\s+/)) {
    if (current.trim() !== "" && current.length + 1 + word.length > width) {
      wrapped.push(current);
      current = leading + word;
    } else {
      current = current.trim() === "" ? leading + word : `${current} ${word}`;
    }
  }
  wrapped.push(current);
  return wrapped;
}
