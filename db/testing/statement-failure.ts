/**
 * The error text of a statement that must fail, for tests of constraints.
 * Drizzle wraps driver errors ("Failed query: …") and keeps the server's
 * message, with the constraint's name, in `cause`.
 */
export async function statementFailure(statement: PromiseLike<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const e = error as Error & { cause?: Error & { constraint_name?: string; constraint?: string } };
    return [e.message, e.cause?.message, e.cause?.constraint_name ?? e.cause?.constraint].filter(Boolean).join(' | ');
  }
  throw new Error('expected the statement to fail, but it succeeded');
}
