/** A user of a given role with a fresh token, and the headers that present it, for API tests. */
import { randomUUID } from 'node:crypto';
import type { UserRole } from '../../core/statuses.ts';
import type { Database } from '../../db/client.ts';
import { createApiToken, createUser } from '../../db/repositories/users-repository.ts';

export interface TestCaller {
  readonly userId: string;
  readonly token: string;
  readonly headers: Record<string, string>;
}

export async function testCaller(db: Database, role: UserRole, name = `${role}-${randomUUID().slice(0, 8)}`): Promise<TestCaller> {
  const user = await createUser(db, { email: `${name}@example.test`, name, role });
  const { token } = await createApiToken(db, user.id, 'test');
  return { userId: user.id, token, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } };
}
