import { randomBytes, randomInt } from "node:crypto";

// No 0/O, 1/I/L or U/V, so that a code read aloud or from a projector is typed right.
const ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;

/** Creates a random join code, such as `K7MQ2P` (about 29^6, some 594 million codes). */
export function createJoinCode(): string {
  let code = "";
  for (let index = 0; index < JOIN_CODE_LENGTH; index++) {
    code += ALPHABET[randomInt(ALPHABET.length)];
  }
  return code;
}

/** Returns the code as stored (upper case, without spaces or dashes), or null if malformed. */
export function normaliseJoinCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, "").toUpperCase();
  const valid = code.length === JOIN_CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c));
  return valid ? code : null;
}

/** Creates a bearer token of 256 random bits. */
export function createToken(): string {
  return randomBytes(32).toString("base64url");
}
