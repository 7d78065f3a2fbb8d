/**
 * Built statements per database and shape, so a request neither rebuilds its
 * SQL nor makes the server parse and plan it again (the driver prepares a
 * statement per query text and connection). Bounded, oldest first out:
 * shapes come from what callers filter on, and a client could vary them at
 * will.
 */
import type { Database } from '../client.ts';

export class StatementCache<T> {
  private readonly byDatabase = new WeakMap<Database, Map<string, T>>();
  constructor(private readonly maxShapes: number) {}

  get(db: Database, shape: string, build: () => T): T {
    let byShape = this.byDatabase.get(db);
    if (!byShape) this.byDatabase.set(db, (byShape = new Map()));
    const found = byShape.get(shape);
    if (found !== undefined) return found;
    if (byShape.size >= this.maxShapes) byShape.delete(byShape.keys().next().value!);
    const built = build();
    byShape.set(shape, built);
    return built;
  }

  size(db: Database): number {
    return this.byDatabase.get(db)?.size ?? 0;
  }
}
