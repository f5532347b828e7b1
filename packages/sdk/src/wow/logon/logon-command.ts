/**
 * The logon (authserver, port 3724) commands AzerothCore handles, from `eAuthCmd` in
 * `AuthSession.cpp`. The first byte of every logon packet, in both directions. AzerothCore also
 * names the patch-transfer commands 0x30..0x34 but never handles them, so they are not listed.
 */
export const LogonCommand = {
  LOGON_CHALLENGE: 0x00,
  LOGON_PROOF: 0x01,
  RECONNECT_CHALLENGE: 0x02,
  RECONNECT_PROOF: 0x03,
  REALM_LIST: 0x10,
} as const;

/** One of the values of {@link LogonCommand}. */
export type LogonCommandValue = (typeof LogonCommand)[keyof typeof LogonCommand];

const NAMES = new Map<number, string>(Object.entries(LogonCommand).map(([name, value]) => [value, name]));

/** The {@link LogonCommand} name of `command`, or `undefined` when AzerothCore does not handle it. */
export function logonCommandName(command: number): string | undefined {
  return NAMES.get(command);
}

/** True when `command` is one of the {@link LogonCommand} values. */
export function isLogonCommand(command: number): command is LogonCommandValue {
  return NAMES.has(command);
}
