import { Repeater } from "graphql-yoga";
import { builder } from "../builder.ts";
import { requireAccess } from "../access.ts";
import type { Context } from "../context.ts";
import type { OnlineEntry } from "../presence.ts";
import { Participant } from "./participant.ts";

interface PresenceData {
  assessmentId: string;
  online: OnlineEntry[];
}

const OnlineMember = builder.objectRef<OnlineEntry>("OnlineMember").implement({
  description: "A member with at least one open connection to the assessment.",
  fields: (t) => ({
    participant: t.prismaField({
      type: "Participant",
      description: "The member.",
      resolve: (query, entry, _args, context) =>
        context.prisma.participant.findUniqueOrThrow({
          ...query,
          where: { id: entry.participantId },
        }),
    }),
    sectionKey: t.exposeString("sectionKey", {
      nullable: true,
      description: "The section their most recent connection shows; null for other pages.",
    }),
    since: t.expose("since", { type: "DateTime", description: "When that connection opened." }),
  }),
});

const Presence = builder.objectRef<PresenceData>("Presence").implement({
  description: "Who is online and who belongs to the assessment, sent whenever either changes.",
  fields: (t) => ({
    online: t.field({
      type: [OnlineMember],
      description: "Members connected now, each once.",
      resolve: (presence) => presence.online,
    }),
    participants: t.prismaField({
      type: [Participant],
      description: "Current members, in the order they joined.",
      resolve: (query, presence, _args, context) =>
        context.prisma.participant.findMany({
          ...query,
          where: { assessmentId: presence.assessmentId, removedAt: null },
          orderBy: { createdAt: "asc" },
        }),
    }),
  }),
});

builder.prismaObjectField("Assessment", "online", (t) =>
  t.field({
    type: [OnlineMember],
    description: "Members connected now through a presence subscription, each once.",
    resolve: (assessment, _args, context) => context.presence.online(assessment.id),
  }),
);

builder.subscriptionField("presence", (t) =>
  t.field({
    type: Presence,
    description:
      "Marks the caller online for as long as the subscription is open, at the section " +
      "given, and sends who is online and who belongs to the assessment, now and after " +
      "every change. Resubscribe to report another section.",
    args: {
      assessmentId: t.arg.id({ required: true, description: "The assessment." }),
      sectionKey: t.arg.string({ description: "The section the caller is on, if any." }),
    },
    authScopes: (_root, args) => ({ member: String(args.assessmentId) }),
    subscribe: (_root, args, context) => {
      const viewer = requireAccess(context, String(args.assessmentId), "read");
      return trackPresence(context, viewer.assessmentId, viewer.participantId, args.sectionKey);
    },
    resolve: (presence) => presence,
  }),
);

function trackPresence(
  context: Context,
  assessmentId: string,
  participantId: string | null,
  sectionKey: string | null | undefined,
) {
  const { presence, pubsub } = context;
  return new Repeater<PresenceData>(async (push, stop) => {
    const changes = pubsub.subscribe("members:changed", assessmentId);
    const iterator = changes[Symbol.asyncIterator]();
    let next = iterator.next();

    // An integration token follows presence without being anyone's presence.
    const key = participantId
      ? presence.join(assessmentId, { participantId, sectionKey: sectionKey ?? null })
      : null;
    void stop.then(async () => {
      if (key) {
        presence.leave(assessmentId, key);
        pubsub.publish("members:changed", assessmentId, { assessmentId });
      }
      await iterator.return?.();
    });
    if (key) pubsub.publish("members:changed", assessmentId, { assessmentId });

    await push({ assessmentId, online: presence.online(assessmentId) });
    for (;;) {
      const result = await Promise.race([next, stop.then(() => null)]);
      if (!result || result.done) break;
      await push({ assessmentId, online: presence.online(assessmentId) });
      next = iterator.next();
    }
    stop();
  });
}
