// SQL prepared once per connection. Building a query with drizzle and preparing it again on every
// call was over half the time of a booking (issue 17), and a third of a session page's; a statement
// kept per connection is reused. Raw SQL goes through `prepared`; a drizzle query that maps its
// rows into nested objects goes through `preparedQuery`.
import type Database from "better-sqlite3";
import type { Db } from "../../db/connection";

// Keyed on the connection, so a closed test database takes its statements with it.
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The statement for `text` on this connection, prepared the first time it is asked for. */
export function prepared(db: Db, text: string): Database.Statement {
  let cache = statements.get(db.$client);
  if (!cache) statements.set(db.$client, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = db.$client.prepare(text)));
  return statement;
}

const queries = new WeakMap<Database.Database, Map<(db: Db) => unknown, unknown>>();

/**
 * A drizzle query built and prepared once per connection: `build` (a function defined once, at
 * module level) makes it with `sql.placeholder()`s and calls `.prepare()`.
 */
export function preparedQuery<Q>(db: Db, build: (db: Db) => Q): Q {
  let cache = queries.get(db.$client);
  if (!cache) queries.set(db.$client, (cache = new Map()));
  let query = cache.get(build) as Q | undefined;
  if (!query) cache.set(build, (query = build(db)));
  return query;
}
