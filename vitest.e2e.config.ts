import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium, the built extension, pages over HTTP.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: one browser at a time keeps runs steady.
    fileParallelism: false,
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
