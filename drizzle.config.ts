import { defineConfig } from 'drizzle-kit';

// Each module owns its tables in its own schema.ts (platform parts under src/platform); a new
// module's file is found here without any edit.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/**/schema.ts', './src/modules/*/schema.ts'],
  out: './drizzle',
});
