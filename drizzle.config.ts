// drizzle-kit configuration: `npm run db:generate` writes a new migration
// into db/migrations from the schema. Migrations are applied at start-up.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  strict: true,
});
