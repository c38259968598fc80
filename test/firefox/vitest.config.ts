import { defineConfig } from 'vitest/config';

// Firefox is heavy on a shared 2-core machine: one file (one browser) at a time, with room for real waits.
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
