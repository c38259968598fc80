import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Browser tests share one machine's Chromium: run files one at a time, with room for real waits.
// Behaviour tests written once on test/driver/ run here in Chromium (and in test/firefox/'s suite).
export default defineConfig({
  // Tests build URLs and fixtures with the extension's own modules, which import each other by "@/".
  resolve: { alias: { '@': resolve(import.meta.dirname, '../..') } },
  test: {
    include: ['test/e2e/**/*.test.ts', 'test/behaviour/**/*.test.ts'],
    environment: 'node',
    env: { BACKSTORY_BROWSER: 'chromium' },
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // What a browser does on its own time (a dwell, a re-annotation) can take seconds on a busy machine.
    expect: { poll: { timeout: 10_000 } },
  },
});
