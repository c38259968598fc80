import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Firefox is heavy on a shared 2-core machine: one file (one browser) at a time, with room for real
// waits. Behaviour tests written once on test/driver/ run here in Firefox.
export default defineConfig({
  // As in test/e2e/: tests may use the extension's own modules, which import each other by "@/".
  resolve: { alias: { '@': resolve(import.meta.dirname, '../..') } },
  test: {
    include: ['test/firefox/**/*.test.ts', 'test/behaviour/**/*.test.ts'],
    environment: 'node',
    env: { BACKSTORY_BROWSER: 'firefox' },
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // What a browser does on its own time (a dwell, a re-annotation) can take seconds on a busy machine.
    expect: { poll: { timeout: 10_000 } },
  },
});
