import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The renderer build: renderer/index.html → dist/renderer. Served by both hosts from their own
 * origin (app://checkstand/ or http://127.0.0.1:PORT/), so absolute "/" URLs work in both.
 */
const here = import.meta.dirname;

export default defineConfig({
  root: resolve(here, 'renderer'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(here, 'dist/renderer'),
    emptyOutDir: true,
    // Electron 45 ships Chromium 140; Debian's Chromium is newer.
    target: 'chrome120',
    sourcemap: true,
    // No data: fonts or scripts: the CSP allows data: for images only; keep every asset a file.
    assetsInlineLimit: 0,
  },
});
