// The reference for the benchmark: the bare parts the product is built from
// (Yoga, graphql-ws and ws on node:http) with an in-memory map, one mutation
// and one subscription, and nothing else: no database, tokens, checks or scores.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createPubSub, createSchema, createYoga, Repeater } from "graphql-yoga";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";

interface Answer {
  questionKey: string;
  level: number;
  version: number;
}

interface Change {
  revision: number;
  kind: "SUBSCRIBED" | "ANSWER_SET";
  answer: Answer | null;
}

interface Assessment {
  revision: number;
  answers: Map<string, Answer>;
}

const assessments = new Map<string, Assessment>();
const pubsub = createPubSub<{ changed: [id: string, change: Change] }>();

function assessmentOf(id: string): Assessment {
  let assessment = assessments.get(id);
  if (!assessment) {
    assessment = { revision: 0, answers: new Map() };
    assessments.set(id, assessment);
  }
  return assessment;
}

const schema = createSchema({
  typeDefs: /* GraphQL */ `
    type Answer {
      questionKey: String!
      level: Int!
      version: Int!
    }
    enum ChangeKind {
      SUBSCRIBED
      ANSWER_SET
    }
    type AssessmentChange {
      revision: Int!
      kind: ChangeKind!
      answer: Answer
    }
    type Query {
      revision(assessmentId: ID!): Int!
    }
    type Mutation {
      setAnswer(assessmentId: ID!, questionKey: String!, level: Int!): Answer!
    }
    type Subscription {
      assessmentChanged(assessmentId: ID!): AssessmentChange!
    }
  `,
  resolvers: {
    Query: {
      revision: (_root, args: { assessmentId: string }) => assessmentOf(args.assessmentId).revision,
    },
    Mutation: {
      setAnswer(_root, args: { assessmentId: string; questionKey: string; level: number }) {
        const assessment = assessmentOf(args.assessmentId);
        const version = (assessment.answers.get(args.questionKey)?.version ?? 0) + 1;
        const answer = { questionKey: args.questionKey, level: args.level, version };
        assessment.answers.set(args.questionKey, answer);
        assessment.revision++;
        pubsub.publish("changed", args.assessmentId, {
          revision: assessment.revision,
          kind: "ANSWER_SET",
          answer,
        });
        return answer;
      },
    },
    Subscription: {
      assessmentChanged: {
        // Like the product, the stream opens with the current revision.
        subscribe: (_root, args: { assessmentId: string }) =>
          new Repeater<Change>(async (push, stop) => {
            const changes = pubsub.subscribe("changed", args.assessmentId);
            void stop.then(() => changes.return());
            await push({
              revision: assessmentOf(args.assessmentId).revision,
              kind: "SUBSCRIBED",
              answer: null,
            });
            for await (const change of changes) await push(change);
          }),
        resolve: (change: Change) => change,
      },
    },
  },
});

const yoga = createYoga({
  schema,
  graphqlEndpoint: "/graphql",
  landingPage: false,
  logging: false,
});
const server = createServer((request, response) => {
  if (request.url === "/healthz") return void response.writeHead(200).end("ok\n");
  void yoga.requestListener(request, response);
});
const sockets = new WebSocketServer({ server, path: "/graphql" });

useServer(
  {
    execute: (args) =>
      (args.rootValue as { execute: typeof import("graphql").execute }).execute(args),
    subscribe: (args) =>
      (args.rootValue as { subscribe: typeof import("graphql").subscribe }).subscribe(args),
    onSubscribe: async (context, _id, params) => {
      const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
        connectionParams: context.connectionParams,
        params,
      });
      const document = parse(params.query);
      const errors = validate(schema, document);
      if (errors.length > 0) return errors;
      return {
        schema,
        operationName: params.operationName,
        document,
        variableValues: params.variables,
        contextValue: await contextFactory(),
        rootValue: { execute, subscribe },
      };
    },
  },
  sockets,
);

server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  console.log(JSON.stringify({ msg: "listening", url: `http://127.0.0.1:${port}` }));
});

const stop = () => {
  for (const client of sockets.clients) client.terminate();
  server.close(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
