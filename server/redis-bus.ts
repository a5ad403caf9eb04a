import { randomUUID } from "node:crypto";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createPubSub } from "graphql-yoga";
import { Redis } from "ioredis";
import type { Logger } from "./logger.ts";
import type { PubSub, Topics } from "./pubsub.ts";

export interface RedisBusOptions {
  url: string;
  /** Put before the channel name, so that several deployments can share one Redis. */
  channelPrefix: string;
  logger: Logger;
  /** How long to wait for Redis at start before giving up. */
  connectTimeoutMs?: number;
}

/** One message on the shared channel: an event for a local topic, or a probe. */
type Envelope = { topic: string; detail: unknown } | { probe: string };

export interface RedisBus extends PubSub {
  close(): Promise<void>;
}

/**
 * Connects Yoga's pub/sub to Redis, so that an event published on any instance
 * reaches the subscribers of every instance. All events go through one channel
 * that each instance subscribes to once, at start, and then fan out in process
 * by topic. A subscription thus never waits for Redis, and events from one
 * instance arrive in the order it published them.
 *
 * Redis pub/sub keeps nothing for a subscriber that is away, so after each
 * reconnect the bus tells its resync listeners once the channel is live again.
 */
export async function connectRedisBus(options: RedisBusOptions): Promise<RedisBus> {
  const { logger } = options;
  const channel = `${options.channelPrefix}events`;
  const redisOptions = {
    // Publishing while Redis is away fails at once instead of queueing without
    // bound; resync covers what was not delivered.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt: number) => Math.min(100 * attempt, 2000),
    lazyConnect: true,
  };
  const publisher = new Redis(options.url, redisOptions);
  const subscriber = new Redis(options.url, { ...redisOptions, enableOfflineQueue: true });

  const local = new EventTarget();
  const probes = new Map<string, () => void>();
  const resyncListeners = new Set<() => void>();
  let failedPublishes = 0;

  const shared = createRedisEventTarget<CustomEvent<Envelope>>({
    // The library ignores the promise that publish returns; this catches its failures.
    publishClient: {
      publish: (name: string, message: string) =>
        publisher.publish(name, message).catch((error: Error) => {
          failedPublishes++;
          // One line per 100 failures, so that an outage does not flood the log.
          if (failedPublishes % 100 === 1) {
            logger.warn({ err: error, failedPublishes }, "could not publish an event to Redis");
          }
          return 0;
        }),
    } as unknown as Redis,
    subscribeClient: subscriber,
  });

  // A probe that comes back through the channel proves that the subscription is live.
  async function probe(timeoutMs: number) {
    const id = randomUUID();
    const echoed = new Promise<void>((resolve) => probes.set(id, resolve));
    try {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        await publisher.publish(channel, JSON.stringify({ probe: id })).catch(() => 0);
        const timer = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 200));
        if (await Promise.race([echoed.then(() => true), timer])) return true;
      }
      return false;
    } finally {
      probes.delete(id);
    }
  }

  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
  } catch (error) {
    publisher.disconnect();
    subscriber.disconnect();
    throw new Error(`could not connect to Redis at REDIS_URL: ${(error as Error).message}`);
  }
  shared.addEventListener(channel, (event) => {
    const envelope = event.detail;
    if ("probe" in envelope) return probes.get(envelope.probe)?.();
    local.dispatchEvent(new CustomEvent(envelope.topic, { detail: envelope.detail }));
  });
  if (!(await probe(options.connectTimeoutMs ?? 10_000))) {
    publisher.disconnect();
    subscriber.disconnect();
    throw new Error(`Redis at REDIS_URL did not deliver on channel ${channel}`);
  }

  let connected = true;
  let closing = false;
  subscriber.on("close", () => {
    if (connected && !closing)
      logger.warn({ channel }, "lost the Redis subscription; reconnecting");
    connected = false;
  });
  subscriber.on("ready", async () => {
    if (!(await probe(10_000))) return;
    connected = true;
    logger.info({ channel, failedPublishes }, "Redis subscription restored; resyncing");
    for (const listener of resyncListeners) listener();
  });
  subscriber.on("error", (error) => logger.debug({ err: error }, "Redis subscriber error"));
  publisher.on("error", (error) => logger.debug({ err: error }, "Redis publisher error"));

  const { subscribe } = createPubSub<Topics>({ eventTarget: local });
  return {
    publish(routingKey, ...args) {
      const [id, detail] = args;
      const envelope: Envelope = { topic: `${routingKey}:${id}`, detail };
      shared.dispatchEvent(new CustomEvent(channel, { detail: envelope }));
    },
    subscribe,
    onResync(listener) {
      resyncListeners.add(listener);
      return () => resyncListeners.delete(listener);
    },
    async close() {
      closing = true;
      resyncListeners.clear();
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
