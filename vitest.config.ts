import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores here and in CI: forks keep memory of one heavy test away from the others.
    pool: 'forks',
    globalSetup: ['tests/temp-folder.ts'],
  },
});
