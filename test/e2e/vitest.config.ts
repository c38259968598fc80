import { defineConfig } from 'vitest/config';

// Browser tests share one machine's Chromium: run files one at a time, with room for real waits.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
