import { BusDefinitionError } from "./errors.js";

/** The parameter names of a subject template: `"chat.gw.{gatewayID}.income.whisper"` → `"gatewayID"`. */
export type SubjectParamNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | SubjectParamNames<Rest>
  : never;

/** Values for a subject template's parameters; each must be one NATS token (no `.`, `*`, `>`, spaces). */
export type SubjectParams<K extends string> = { readonly [P in K]: string };

/**
 * A NATS subject with per-target tokens, e.g. `chat.gw.{gatewayID}.income.whisper`: it formats
 * concrete subjects, builds subscription patterns (unset parameters become `*`) and reads the
 * parameters back out of a concrete subject.
 */
export interface SubjectTemplate<K extends string> {
  /** The template as written, parameters in braces. */
  readonly template: string;
  /** The parameter names in template order. */
  readonly paramNames: readonly K[];
  /** The template with every parameter as `*`: what a subscriber to all targets listens on. */
  readonly wildcard: string;
  /** The concrete subject for these parameter values. */
  format(params: SubjectParams<K>): string;
  /** A subscription pattern: given parameters are filled in, the others are `*`. */
  pattern(params?: Partial<SubjectParams<K>>): string;
  /** The parameter values of a concrete subject, or `undefined` if it does not fit the template. */
  extract(subject: string): SubjectParams<K> | undefined;
}

const PARAM_TOKEN = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/;
const LITERAL_TOKEN = /^[^\s.*>{}]+$/;
const VALUE_TOKEN = /^[^\s.*>]+$/;

/** Parses a subject template; a parameter must be a whole token (`a.{id}.b`, not `a.x{id}.b`). */
export function parseSubjectTemplate<S extends string>(template: S): SubjectTemplate<SubjectParamNames<S>> {
  type K = SubjectParamNames<S>;
  type Token = { readonly param: K } | { readonly literal: string };
  const tokens = template.split(".").map((token): Token => {
    const param = PARAM_TOKEN.exec(token)?.[1];
    if (param !== undefined) return { param: param as K };
    if (!LITERAL_TOKEN.test(token)) {
      throw new BusDefinitionError(
        `subject "${template}" has an invalid token "${token}"; use dot-separated literal tokens and whole-token {param} placeholders`,
      );
    }
    return { literal: token };
  });
  const paramNames = tokens.flatMap((t) => ("param" in t ? [t.param] : []));
  if (new Set(paramNames).size !== paramNames.length) {
    throw new BusDefinitionError(`subject "${template}" repeats a parameter; give each placeholder its own name`);
  }

  const build = (value: (param: K) => string): string =>
    tokens.map((t) => ("param" in t ? value(t.param) : t.literal)).join(".");

  return {
    template,
    paramNames,
    wildcard: build(() => "*"),
    format: (params) =>
      build((param) => {
        const value = (params as Partial<Record<K, string>>)[param];
        if (value === undefined || !VALUE_TOKEN.test(value)) {
          throw new BusDefinitionError(
            `subject "${template}" needs parameter ${param} as one NATS token (no ".", "*", ">" or spaces), got ${JSON.stringify(value)}`,
          );
        }
        return value;
      }),
    pattern: (params = {}) =>
      build((param) => {
        const value = (params as Partial<Record<K, string>>)[param];
        if (value !== undefined && !VALUE_TOKEN.test(value)) {
          throw new BusDefinitionError(
            `subject "${template}" parameter ${param} must be one NATS token, got ${JSON.stringify(value)}`,
          );
        }
        return value ?? "*";
      }),
    extract: (subject) => {
      if (paramNames.length === 0) return subject === template ? ({} as SubjectParams<K>) : undefined;
      const parts = subject.split(".");
      if (parts.length !== tokens.length) return undefined;
      const params: Partial<Record<K, string>> = {};
      for (const [index, token] of tokens.entries()) {
        const part = parts[index] ?? "";
        if ("param" in token) params[token.param] = part;
        else if (token.literal !== part) return undefined;
      }
      return params as SubjectParams<K>;
    },
  };
}

/** True when a concrete subject matches a NATS subscription pattern (`*` one token, `>` the rest). */
export function subjectMatches(pattern: string, subject: string): boolean {
  const want = pattern.split(".");
  const have = subject.split(".");
  for (const [index, token] of want.entries()) {
    if (token === ">") return have.length > index;
    const part = have[index];
    if (part === undefined || (token !== "*" && token !== part)) return false;
  }
  return want.length === have.length;
}
