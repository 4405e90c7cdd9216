import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { HIGHLIGHT_COMMAND_MANIFEST } from './lib/background/commands-manifest';
import { SESSION_SCRIPT } from './lib/content/session-script';

const devStartUrl = process.env.GLOSS_DEV_START_URL;
const devHeadless = process.env.GLOSS_HEADLESS === '1';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports only: auto-imports would inject components/ exports (such as `db`) into any file using that name.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The fewest permissions: IndexedDB needs none; the content script's match
    // patterns give it the pages; contextMenus for "Highlight selection"; the
    // side panel adds its own permission.
    permissions: ['storage', 'contextMenus'],
    // "Save page snapshot" (MHTML) asks for pageCapture when first used; Firefox has no pageCapture.
    ...(browser !== 'firefox' && { optional_permissions: ['pageCapture'] }),
    commands: HIGHLIGHT_COMMAND_MANIFEST,
    // The loader only (entrypoints/content-loader.ts); it imports the rest when the page needs it.
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['content-loader.js'],
        run_at: 'document_idle',
        // Every frame is its own page (an e-paper's story frame); pages without frames pay nothing for it.
        all_frames: true,
        // …and in inline frames (srcdoc, about:blank) of those pages, whose articles belong to the embedding page.
        // Not match_origin_as_fallback (Chrome only): the blob: and data: frames it adds are not news pages.
        match_about_blank: true,
      },
    ],
    action: { default_title: '__MSG_extName__' },
    // The in-page popover frames the note editor (typing there is out of the page's reach). Chrome: a
    // per-session address, so pages cannot guess it; Firefox MV2 gets a plain list (WXT converts it).
    // The content script's loader imports the rest of it (content-session.js) only on pages that need it.
    web_accessible_resources: [
      { resources: ['note-editor.html', SESSION_SCRIPT.slice(1)], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
    ],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'gloss@gloss.example',
          // Firefox ESR 140 (Debian's) must install it; data_collection_permissions is read from 140 on desktop.
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  vite: () => ({
    plugins: [preact()],
    // Vite 8 would emit Dexie's "\uffff" as a raw U+FFFF and Chrome then refuses
    // the content script as not UTF-8; WXT only applies this for Vite <= 7.
    build: { rolldownOptions: { output: { charset: 'ascii' } } },
  }),
  webExt: {
    binaries: { chrome: '/usr/bin/chromium' },
    startUrls: devStartUrl ? [devStartUrl] : undefined,
    chromiumArgs: [
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ...(devHeadless ? ['--headless=new', '--disable-gpu'] : []),
    ],
  },
});
