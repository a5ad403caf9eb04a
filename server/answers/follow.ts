import { Repeater } from "graphql-yoga";
import type { Context } from "../context.ts";
import type { AssessmentChangeEvent } from "../pubsub.ts";
import { scoreAnswers } from "../scoring.ts";
import { RevisionOrder } from "./revision-order.ts";

export interface FollowOptions {
  /**
   * Events a subscription may have waiting for a client that does not read
   * them. Past it the client is disconnected, so that it costs bounded memory;
   * when it reconnects, its SUBSCRIBED event tells it to refetch.
   */
  maxQueued: number;
}

/**
 * Streams an assessment's changes in revision order, starting with a
 * SUBSCRIBED event that carries the current revision and scores. Listening
 * starts before that snapshot is read, so no change can fall between the two;
 * changes already counted in the snapshot are skipped. After a break in
 * delivery (see `PubSub.onResync`) a new SUBSCRIBED event follows.
 */
export function followChanges(context: Context, assessmentId: string, options: FollowOptions) {
  return new Repeater<AssessmentChangeEvent>(async (push, stop) => {
    let queued = 0;
    const send = (event: AssessmentChangeEvent) => {
      if (queued >= options.maxQueued) return overflow();
      queued++;
      void push(event).then(() => queued--);
    };
    const overflow = () => {
      context.logger.warn(
        { assessmentId, queued, participantId: context.viewer?.participantId },
        "disconnecting a subscriber that stopped reading its events",
      );
      if (context.disconnect) {
        // The socket is gone, so there is no one left to tell.
        context.disconnect();
        stop();
      } else {
        stop(new Error("Too many undelivered events; subscribe again to resynchronise"));
      }
    };

    const early: AssessmentChangeEvent[] = [];
    // Set once the snapshot is read; events that arrive before wait in `early`.
    const ordered: { order?: RevisionOrder<AssessmentChangeEvent> } = {};
    const changes = context.pubsub.subscribe("assessment:changed", assessmentId);
    void (async () => {
      for await (const event of changes) {
        if (ordered.order) ordered.order.accept(event);
        else early.push(event);
      }
    })();

    const resync = async () => {
      const snapshot = await readSnapshot(context, assessmentId).catch((error) => {
        context.logger.warn({ err: error, assessmentId }, "could not read the state to resync");
        return null;
      });
      if (!snapshot || !ordered.order) return;
      ordered.order.skipTo(snapshot.revision);
      send(snapshot);
    };
    const stopResync = context.pubsub.onResync(() => void resync());
    void stop.then(() => {
      stopResync();
      ordered.order?.stop();
      void changes.return();
    });

    const snapshot = await readSnapshot(context, assessmentId);
    send(snapshot);
    const order = new RevisionOrder(snapshot.revision, send);
    ordered.order = order;
    for (const event of early.splice(0)) order.accept(event);
    await stop;
  });
}

async function readSnapshot(
  context: Context,
  assessmentId: string,
): Promise<AssessmentChangeEvent> {
  const assessment = await context.prisma.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: {
      revision: true,
      answers: {
        select: { questionKey: true, level: true, dontKnow: true, needsImprovement: true },
      },
    },
  });
  return {
    assessmentId,
    revision: assessment.revision,
    kind: "SUBSCRIBED",
    sectionKey: null,
    answers: [],
    ...scoreAnswers(context.questionnaire, assessment.answers),
  };
}
