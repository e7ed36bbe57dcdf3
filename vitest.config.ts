import { defineConfig } from 'vitest/config';

/**
 * Two projects: code that runs under Node (shared, core, hosts, simulator) and the renderer
 * under jsdom. Integration tests start the real simulator on 127.0.0.1 themselves.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'simulator/**/*.test.ts', 'scripts/**/*.test.ts', 'reliability/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
