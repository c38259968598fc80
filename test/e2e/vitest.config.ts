import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Browser tests share one machine's Chromium: run files one at a time, with room for real waits.
export default defineConfig({
  // Tests build URLs and fixtures with the extension's own modules, which import each other by "@/".
  resolve: { alias: { '@': resolve(import.meta.dirname, '../..') } },
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
