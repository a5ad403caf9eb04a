/** Bounds on what one client or token may ask of the server. */
export interface Limits {
  /** Largest accepted HTTP request body, in bytes. */
  maxBodyBytes: number;
  /** Largest accepted websocket message, in bytes. */
  maxFrameBytes: number;
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  /** Mutations per minute for one token, and for one IP address across tokens. */
  mutationsPerMinutePerToken: number;
  mutationsPerMinutePerClient: number;
  /** createAssessment and joinAssessment calls per minute from one IP address. */
  joinsPerMinutePerClient: number;
  /** Open websockets from one IP address, and subscriptions on one websocket. */
  connectionsPerClient: number;
  subscriptionsPerConnection: number;
}

// A whole workshop often sits behind one office address, so the per-address
// limits leave room for a few dozen people at once.
export const defaultLimits: Limits = {
  maxBodyBytes: 1024 * 1024,
  maxFrameBytes: 64 * 1024,
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2000,
  maxCost: 5000,
  mutationsPerMinutePerToken: 120,
  mutationsPerMinutePerClient: 1200,
  joinsPerMinutePerClient: 60,
  connectionsPerClient: 100,
  subscriptionsPerConnection: 20,
};

const settings: Record<string, keyof Limits> = {
  RATE_LIMIT_MUTATIONS_PER_TOKEN: "mutationsPerMinutePerToken",
  RATE_LIMIT_MUTATIONS_PER_CLIENT: "mutationsPerMinutePerClient",
  RATE_LIMIT_JOINS_PER_CLIENT: "joinsPerMinutePerClient",
  MAX_CONNECTIONS_PER_CLIENT: "connectionsPerClient",
  MAX_SUBSCRIPTIONS_PER_CONNECTION: "subscriptionsPerConnection",
};

/** Reads the limits that environment variables override; raises on a value that is not a count. */
export function readLimits(env: NodeJS.ProcessEnv): Limits {
  const limits = { ...defaultLimits };
  for (const [name, key] of Object.entries(settings)) {
    const value = env[name];
    if (value === undefined || value === "") continue;
    const count = Number(value);
    if (!Number.isInteger(count) || count < 1) {
      throw new Error(`${name} must be a whole number of at least 1, got "${value}"`);
    }
    limits[key] = count;
  }
  return limits;
}
