import { builder } from "../builder.ts";

builder.scalarType("DateTime", {
  description: "A point in time, as an ISO 8601 string in UTC.",
  serialize: (value) => new Date(value).toISOString(),
  parseValue: (value) => {
    const date = new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new TypeError("DateTime must be an ISO 8601 string");
    return date;
  },
});
