// Membership tokens live in this browser's localStorage, one per assessment,
// so that a reload or a new tab keeps the person in their assessment.

export interface Session {
  assessmentId: string;
  participantId: string;
  name: string;
  role: "FACILITATOR" | "PARTICIPANT" | "OBSERVER";
  token: string;
}

const key = (assessmentId: string) => `cloud-maturity:session:${assessmentId}`;

export function saveSession(session: Session): void {
  localStorage.setItem(key(session.assessmentId), JSON.stringify(session));
}

export function loadSession(assessmentId: string): Session | null {
  try {
    const stored = localStorage.getItem(key(assessmentId));
    return stored ? (JSON.parse(stored) as Session) : null;
  } catch {
    return null;
  }
}

export function forgetSession(assessmentId: string): void {
  localStorage.removeItem(key(assessmentId));
}

let currentToken: string | null = null;

/** Sets the token that the GraphQL client sends from now on; returns whether it changed. */
export function useToken(token: string | null): boolean {
  const changed = token !== currentToken;
  currentToken = token;
  return changed;
}

export function currentAuthorization(): string | undefined {
  return currentToken ? `Bearer ${currentToken}` : undefined;
}

const codeKey = (code: string) => `cloud-maturity:code:${code}`;

/** Records which assessment a join code led to, to recognise a second visit. */
export function rememberCode(code: string, assessmentId: string): void {
  localStorage.setItem(codeKey(code), assessmentId);
}

export function assessmentForCode(code: string): string | null {
  return localStorage.getItem(codeKey(code));
}
