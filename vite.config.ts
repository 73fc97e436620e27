import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

import { contentSecurityPolicy } from './electron/csp.ts';

// The same renderer is served to Chromium (npm run web) and loaded by Electron from app://.
// Relative base so the built files resolve under either origin.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [
    react(),
    {
      name: 'marginalia-csp',
      // Dev mode (npm run dev) injects <style> tags for hot reload, which the policy forbids.
      apply: 'build',
      // The web build carries the same policy as Electron's protocol header, as a meta tag.
      transformIndexHtml: (html) =>
        html.replace(
          '<!--CSP-->',
          `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy({ meta: true })}" />`,
        ),
    },
  ],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // Served from disk (app://) or loopback, never over a network: one bundle costs no round trips.
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
