import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  publicDir: 'assets/public',
  // Separate output folders let several builds (and their browser tests) run side by side.
  outDir: process.env.BACKSTORY_OUT_DIR ?? '.output',
  // Preact instead of React: a fraction of the size, which matters for the content-script budget.
  vite: () => ({ plugins: [preact()] }),
  // The sources zip (`wxt zip -b firefox`) is what AMO reviewers rebuild from. WXT already leaves out
  // node_modules, hidden files (.output, .wxt, .ci) and *.test.ts; tests, bench and demo are not needed
  // to rebuild either.
  zip: { excludeSources: ['test/**', 'vitest.config.ts'] },
  hooks: {
    // The detector, on every page (entrypoints/detector.ts says why it is not a WXT content script).
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches: ['http://*/*', 'https://*/*'], js: ['detector.js'], run_at: 'document_idle' },
      ];
    },
  },
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description:
      'Sourced context for news on North Korea’s cyber operations: who is who, says who, and where the figures disagree. Runs locally.',
    // storage: reader facts and settings; contextMenus: "Add to Backstory…" on a selection;
    // scripting: injecting the annotator into pages whose detector found the fact base named.
    // Host access (http and https pages) comes from the content scripts' matches: the detector's
    // in content_scripts (hooks, above), the annotator's as host_permissions (WXT adds them for
    // runtime scripts).
    permissions: ['storage', 'contextMenus', 'scripting'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Backstory' },
    commands: {
      'next-mark': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next Backstory annotation and open its card',
      },
      'previous-mark': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Go to the previous Backstory annotation and open its card',
      },
    },
    // Firefox builds as MV2 (WXT's default): see README "Packaging". 153 (an ESR) is the first version
    // checked to draw ::highlight() underlines, which is how annotations show (test/firefox/features.test.ts):
    // 140 ESR has the Custom Highlight API but draws no text-decoration for it. Everything else used
    // (data_collection_permissions 140+, scripting, commands.openShortcutSettings 137+) is older.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.invalid',
              strict_min_version: '153.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '153.0' },
          },
        }
      : {}),
  }),
});
