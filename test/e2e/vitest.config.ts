import { defineConfig } from 'vitest/config';

// Browser tests share one machine's Chromium: run files one at a time, with room for real waits.
// Behaviour tests written once on test/driver/ run here in Chromium (and in test/firefox/'s suite).
export default defineConfig({
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
