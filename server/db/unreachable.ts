// Prisma's codes for a database it cannot reach or that dropped the connection:
// P1001 cannot reach, P1002 timed out, P1008 operation timed out, P1017 server
// closed the connection, P2024 timed out waiting for a pooled connection.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

// What driver adapters report for a lost server (@prisma/driver-adapter-utils 7).
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);

// PostgreSQL's SQLSTATEs for a server that is shutting down or starting up.
const SQLSTATES = new Set(["57P01", "57P02", "57P03"]);

/** Tells whether an error means that the database server is gone, not that the request was wrong. */
export function isDatabaseUnreachable(error: unknown): boolean {
  const fields = error as {
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } };
    cause?: { kind?: unknown; originalCode?: unknown };
    message?: unknown;
  } | null;
  if (!fields || typeof fields !== "object") return false;

  if (typeof fields.code === "string" && PRISMA_CODES.has(fields.code)) return true;
  const cause = fields.meta?.driverAdapterError?.cause ?? fields.cause;
  if (typeof cause?.kind === "string" && ADAPTER_KINDS.has(cause.kind)) return true;
  if (typeof cause?.originalCode === "string" && SQLSTATES.has(cause.originalCode)) return true;
  // node-postgres raises this, without a code, for a query cut off by a lost server.
  return typeof fields.message === "string" && fields.message.includes("Connection terminated");
}
