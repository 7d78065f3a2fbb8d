/**
 * The administration of users and API tokens as audited use cases: each
 * change and its audit entry (entity `user` or `token`) commit together, so
 * the log cannot miss a token that exists or show one that does not. The
 * token itself never reaches the log, only its id and prefix.
 */
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { UserRole } from '../../core/statuses.ts';
import type { Database } from '../client.ts';
import { apiTokens, users, type User } from '../schema/users.ts';
import { appendAudit } from './audit-repository.ts';
import { createApiToken, createUser, findUserByEmail, revokeApiToken } from './users-repository.ts';

export interface AdminContext {
  /** Who does it: a user id, `cli`, or `system` for the demo's own admin. */
  readonly actor: string;
  readonly at: Date;
}

export async function addUser(db: Database, input: { email: string; name: string; role: UserRole }, ctx: AdminContext): Promise<User> {
  return db.transaction(async (tx) => {
    const user = await createUser(tx, input);
    await appendAudit(tx, [{ actor: ctx.actor, action: 'user.created', entityType: 'user', entityId: user.id, payload: { email: user.email, name: user.name, role: user.role } }], ctx.at);
    return user;
  });
}

export interface IssuedToken {
  readonly id: string;
  /** Shown once; only its hash is stored. */
  readonly token: string;
  readonly prefix: string;
  readonly user: User;
}

export async function issueToken(db: Database, input: { email: string; name: string }, ctx: AdminContext): Promise<IssuedToken> {
  return db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, input.email);
    if (!user) throw new AppError('not_found', `No user with the email ${input.email} (add one with recon users add)`);
    if (user.disabled) throw new AppError('conflict', `The user ${user.email} is disabled`);
    const created = await createApiToken(tx, user.id, input.name);
    await appendAudit(tx, [{ actor: ctx.actor, action: 'token.created', entityType: 'token', entityId: created.id, payload: { userId: user.id, name: input.name, prefix: created.prefix } }], ctx.at);
    return { ...created, user };
  });
}

/** False when no active token has this id (unknown or revoked before). */
export async function revokeToken(db: Database, tokenId: string, ctx: AdminContext): Promise<boolean> {
  return db.transaction(async (tx) => {
    const revoked = await revokeApiToken(tx, tokenId, ctx.at);
    if (revoked) await appendAudit(tx, [{ actor: ctx.actor, action: 'token.revoked', entityType: 'token', entityId: tokenId }], ctx.at);
    return revoked;
  });
}

export interface UserListing extends User {
  readonly activeTokens: number;
}

export async function listUsers(db: Database): Promise<UserListing[]> {
  const rows = await db
    .select({ user: users, activeTokens: count(apiTokens.id) })
    .from(users)
    .leftJoin(apiTokens, and(eq(apiTokens.userId, users.id), isNull(apiTokens.revokedAt)))
    .groupBy(users.id)
    .orderBy(asc(users.createdAt), asc(users.email));
  return rows.map((r) => ({ ...r.user, activeTokens: Number(r.activeTokens) }));
}

export async function listTokens(db: Database, email?: string) {
  const query = db
    .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, email: users.email, createdAt: apiTokens.createdAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId));
  return (email ? query.where(eq(users.email, email.trim().toLowerCase())) : query).orderBy(asc(apiTokens.createdAt));
}
