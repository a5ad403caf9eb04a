import { randomBytes, randomInt } from "node:crypto";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "./join-code-format.ts";

export { normaliseJoinCode } from "./join-code-format.ts";

/** Creates a random join code, such as `K7MQ2P` (29^6, about 594 million codes). */
export function createJoinCode(): string {
  let code = "";
  for (let index = 0; index < JOIN_CODE_LENGTH; index++) {
    code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  }
  return code;
}

/** Creates a bearer token of 256 random bits. */
export function createToken(): string {
  return randomBytes(32).toString("base64url");
}
