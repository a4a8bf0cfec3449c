// Usage: node migrate.mjs <migrations folder> <postgresql:// URL>
// Applies the folder with drizzle-orm's node-postgres migrator, exactly as the web app does.
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

const [migrationsFolder, connectionString] = process.argv.slice(2);
if (!migrationsFolder || !connectionString) {
  console.error('usage: node migrate.mjs <migrations folder> <postgresql URL>');
  process.exit(64);
}

const client = new pg.Client({ connectionString });
await client.connect();
try {
  await migrate(drizzle({ client }), { migrationsFolder });
  console.log('drizzle migrate: done');
} finally {
  await client.end();
}
