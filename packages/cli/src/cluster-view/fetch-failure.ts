/**
 * Why a `fetch` failed, in a few words: `timed out`, the socket error code (`ECONNREFUSED`), or
 * undici's own reason (`bad port`) instead of its generic "fetch failed".
 */
export function fetchFailure(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return "timed out";
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (typeof cause?.code === "string") return cause.code;
  if (typeof cause?.message === "string") return cause.message;
  return error instanceof Error ? error.message : String(error);
}
