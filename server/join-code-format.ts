// Shared by the server and the pages, so it imports nothing.

/** Join code characters: no 0/O, 1/I/L or U/V, so a code read aloud or off a projector is typed right. */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;

/** Returns the code as stored (upper case, without spaces or dashes), or null if malformed. */
export function normaliseJoinCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, "").toUpperCase();
  const valid =
    code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
  return valid ? code : null;
}
