import { parseArgs } from 'node:util';
import { AppError } from '../../core/errors/app-error.ts';
import { issueToken, listTokens, revokeToken } from '../../db/repositories/user-admin.ts';
import type { Command } from '../command.ts';
import { print, printError } from '../output.ts';
import { createCliLogger, openMigratedDatabase } from '../runtime.ts';

const USAGE = `recon tokens create --email <user's email> [--name <what it is for>]
       recon tokens revoke <token id>
       recon tokens list [--email <user's email>]`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Action = { kind: 'create'; email: string; name: string } | { kind: 'revoke'; id: string } | { kind: 'list'; email?: string };

function parse(argv: readonly string[]): Action {
  const [sub, ...rest] = argv;
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { email: { type: 'string' }, name: { type: 'string' } } });
  if (sub === 'create') {
    if (!values.email) throw new AppError('validation_failed', `recon tokens create needs --email of an existing user\nUsage: ${USAGE}`);
    return { kind: 'create', email: values.email, name: values.name?.trim() || 'cli' };
  }
  if (sub === 'revoke') {
    const id = positionals[0];
    if (!id || !UUID.test(id)) throw new AppError('validation_failed', `recon tokens revoke needs the token's id (a UUID, as recon tokens list shows)\nUsage: ${USAGE}`);
    return { kind: 'revoke', id };
  }
  if (sub === 'list') return { kind: 'list', ...(values.email ? { email: values.email } : {}) };
  throw new AppError('validation_failed', `recon tokens needs a subcommand, create, revoke or list\nUsage: ${USAGE}`);
}

/** The token, set apart so it is easy to copy, and the warning that it will not be shown again. */
export function printNewToken(token: { id: string; token: string }, email: string): void {
  print(`New API token for ${email} (id ${token.id}):`);
  print('');
  print(`  ${token.token}`);
  print('');
  print('Store it now: it is shown only this once (Recon keeps only its hash).');
  print(`Revoke it with: recon tokens revoke ${token.id}`);
}

export const tokensCommand: Command = {
  name: 'tokens',
  summary: 'Create (shown once), revoke and list API tokens',
  usage: USAGE,
  async run({ config, argv }) {
    const action = parse(argv);
    const logger = createCliLogger(config);
    const db = await openMigratedDatabase(config, logger);
    try {
      if (action.kind === 'create') {
        const issued = await issueToken(db.db, { email: action.email, name: action.name }, { actor: 'cli', at: new Date() });
        printNewToken(issued, issued.user.email);
        return 0;
      }
      if (action.kind === 'revoke') {
        if (await revokeToken(db.db, action.id, { actor: 'cli', at: new Date() })) {
          print(`Revoked token ${action.id}; it no longer authenticates.`);
          return 0;
        }
        printError(`No active token ${action.id} (unknown, or revoked before).`);
        return 1;
      }
      const tokens = await listTokens(db.db, action.email);
      if (tokens.length === 0) print('No tokens.');
      for (const t of tokens) print(`${t.id}  ${`${t.prefix}…`.padEnd(14)} ${t.email.padEnd(32)} ${t.name.padEnd(16)} ${t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : 'active'}`);
      return 0;
    } finally {
      await db.close();
    }
  },
};
