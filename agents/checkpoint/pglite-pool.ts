/**
 * Just enough of node-postgres' `Pool` over a PGlite instance for
 * PostgresSaver, so the embedded mode checkpoints in Postgres too. PGlite is
 * single-connection: a checked-out client holds an exclusive lock until it is
 * released, which is what a transaction (BEGIN … COMMIT) on a pool client
 * expects.
 */
import type { PGlite } from '@electric-sql/pglite';

interface QueryResult {
  rows: unknown[];
}

interface PoolClient {
  query(text: string, params?: unknown[]): Promise<QueryResult>;
  release(): void;
}

export class PglitePool {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly db: PGlite) {}

  private async run(text: string, params?: unknown[]): Promise<QueryResult> {
    if (params && params.length > 0) return { rows: (await this.db.query(text, params)).rows };
    // Migrations come as several statements in one string, which only exec takes.
    const results = await this.db.exec(text);
    return { rows: results.at(-1)?.rows ?? [] };
  }

  async connect(): Promise<PoolClient> {
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    let released = false;
    return {
      query: (text, params) => this.run(text, params),
      release: () => {
        if (!released) {
          released = true;
          release();
        }
      },
    };
  }

  async query(text: string, params?: unknown[]): Promise<QueryResult> {
    const client = await this.connect();
    try {
      return await client.query(text, params);
    } finally {
      client.release();
    }
  }

  async end(): Promise<void> {
    await this.db.close();
  }
}
