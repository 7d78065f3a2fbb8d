import { parseArgs } from 'node:util';
import { AppError } from '../../core/errors/app-error.ts';
import { USER_ROLES, type UserRole } from '../../core/statuses.ts';
import { addUser, listUsers } from '../../db/repositories/user-admin.ts';
import type { Command } from '../command.ts';
import { print } from '../output.ts';
import { createCliLogger, openMigratedDatabase } from '../runtime.ts';

const USAGE = `recon users add --email <email> --name <name> --role ${USER_ROLES.join('|')}
       recon users list`;

/** Enough to catch a swapped argument; the address is not verified. */
const EMAIL = /^[^\s@]+@[^\s@]+$/;

function parseAdd(argv: readonly string[]): { email: string; name: string; role: UserRole } {
  const { values } = parseArgs({ args: [...argv], options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } } });
  const problems: string[] = [];
  if (!values.email || !EMAIL.test(values.email)) problems.push('--email as an address such as ana@example.com');
  if (!values.name?.trim()) problems.push('--name');
  if (!values.role || !USER_ROLES.includes(values.role as UserRole)) problems.push(`--role as one of ${USER_ROLES.join(', ')}`);
  if (problems.length > 0) throw new AppError('validation_failed', `recon users add needs ${problems.join('; ')}\nUsage: ${USAGE}`);
  return { email: values.email!, name: values.name!.trim(), role: values.role as UserRole };
}

export const usersCommand: Command = {
  name: 'users',
  summary: 'Add and list users (roles: viewer, reviewer, approver, admin)',
  usage: USAGE,
  async run({ config, argv }) {
    const [sub, ...rest] = argv;
    if (sub !== 'add' && sub !== 'list') throw new AppError('validation_failed', `recon users needs a subcommand, add or list\nUsage: ${USAGE}`);
    const input = sub === 'add' ? parseAdd(rest) : undefined;
    const logger = createCliLogger(config);
    const db = await openMigratedDatabase(config, logger);
    try {
      if (input) {
        const user = await addUser(db.db, input, { actor: 'cli', at: new Date() });
        print(`Added ${user.role} ${user.name} <${user.email}> (id ${user.id}).`);
        print(`Give them a token: recon tokens create --email ${user.email}`);
        return 0;
      }
      const users = await listUsers(db.db);
      if (users.length === 0) print('No users yet. Add one: recon users add --email <email> --name <name> --role admin');
      for (const u of users) print(`${u.email.padEnd(32)} ${u.role.padEnd(8)} ${u.name.padEnd(20)} ${String(u.activeTokens).padStart(2)} active token${u.activeTokens === 1 ? ' ' : 's'}${u.disabled ? '  (disabled)' : ''}`);
      return 0;
    } finally {
      await db.close();
    }
  },
};
