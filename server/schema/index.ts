// Importing each file adds its types and operations to the builder.
import "./scalars.ts";
import "./questionnaire.ts";
import "./scores.ts";
import "./participant.ts";
import "./answer.ts";
import "./assessment.ts";
import "./membership.ts";
import "./assessment-change.ts";
import "./integration-token.ts";
import "./presence.ts";
import "./history.ts";
import "./snapshot.ts";
import "./comparison.ts";
import "./exchange.ts";
import { builder } from "../builder.ts";

export const schema = builder.toSchema({ sortSchema: false });
