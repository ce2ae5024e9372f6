// SQL prepared once per connection. Building a query with drizzle and preparing it again on every
// call was over half the time of a booking (issue 17); a statement kept per connection is reused.
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
