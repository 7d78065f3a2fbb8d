/**
 * Users and their API tokens. A token is random, returned once at creation
 * and stored only as its SHA-256 hash (and a short prefix people can
 * recognise), so a leaked database holds no usable token.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { UserRole } from '../../core/statuses.ts';
import type { Database } from '../client.ts';
import { apiTokens, users, type User } from '../schema/users.ts';
import { violatedConstraint } from './imports-repository.ts';

export const TOKEN_PREFIX = 'recon_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createUser(db: Database, input: { email: string; name: string; role: UserRole }): Promise<User> {
  try {
    const [row] = await db.insert(users).values({ email: input.email.trim().toLowerCase(), name: input.name, role: input.role }).returning();
    return row!;
  } catch (error) {
    if (violatedConstraint(error)) throw new AppError('conflict', `A user with the email ${input.email} already exists`, { cause: error });
    throw error;
  }
}

export async function findUserByEmail(db: Database, email: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return row;
}

/** Creates a token for the user; the returned `token` is the only time it is ever seen. */
export async function createApiToken(db: Database, userId: string, name: string): Promise<{ id: string; token: string; prefix: string }> {
  const token = `${TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;
  const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
  const [row] = await db.insert(apiTokens).values({ userId, name, tokenHash: hashToken(token), prefix }).returning({ id: apiTokens.id });
  return { id: row!.id, token, prefix };
}

export async function revokeApiToken(db: Database, tokenId: string, at: Date): Promise<boolean> {
  const rows = await db.update(apiTokens).set({ revokedAt: at }).where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt))).returning({ id: apiTokens.id });
  return rows.length > 0;
}

/** The user behind a token, if the token is known, not revoked, and its user not disabled. */
export async function findTokenUser(db: Database, token: string): Promise<{ id: string; name: string; role: UserRole; tokenId: string } | undefined> {
  const [row] = await db
    .select({ id: users.id, name: users.name, role: users.role, tokenId: apiTokens.id })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), eq(users.disabled, false)))
    .limit(1);
  return row;
}
