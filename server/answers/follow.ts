import { Repeater } from "graphql-yoga";
import type { Context } from "../context.ts";
import type { AssessmentChangeEvent } from "../pubsub.ts";
import { scoreAnswers } from "../scoring.ts";

/**
 * Streams an assessment's changes, starting with a SUBSCRIBED event that
 * carries the current revision and scores. Listening starts before that
 * snapshot is read, so no change can fall between the two; changes already
 * counted in the snapshot are skipped.
 */
export function followChanges(context: Context, assessmentId: string) {
  return new Repeater<AssessmentChangeEvent>(async (push, stop) => {
    const changes = context.pubsub.subscribe("assessment:changed", assessmentId);
    const iterator = changes[Symbol.asyncIterator]();
    let next = iterator.next();
    void stop.then(() => iterator.return?.());

    const snapshot = await readSnapshot(context, assessmentId);
    await push(snapshot);

    for (;;) {
      const result = await Promise.race([next, stop.then(() => null)]);
      if (!result || result.done) break;
      if (result.value.revision > snapshot.revision) await push(result.value);
      next = iterator.next();
    }
    stop();
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
