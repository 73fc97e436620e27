import { readFileSync } from 'node:fs';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

import { contentSecurityPolicy } from './electron/csp.ts';
import { SERVER_ID_PATH, serverId } from './scripts/server-identity.mjs';

// The same renderer is served to Chromium (npm run web) and loaded by Electron from app://.
// Relative base so the built files resolve under either origin.
// The app's version (backups, About, the web host's app info) is package.json's, fixed at build time.
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default defineConfig({
  root: 'renderer',
  base: './',
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(version) },
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
    {
      // Lets the e2e tests tell this checkout's preview from any other server on their port.
      name: 'marginalia-server-identity',
      configurePreviewServer(server) {
        server.middlewares.use(SERVER_ID_PATH, (_req, res) => {
          res.setHeader('Content-Type', 'text/plain; charset=utf-8');
          res.setHeader('Cache-Control', 'no-store');
          res.end(serverId());
        });
      },
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
  // `npm run web` honours MARGINALIA_WEB_PORT as `npm start` does; the e2e tests and the bench pass their own.
  preview: { host: '127.0.0.1', port: Number(process.env.MARGINALIA_WEB_PORT ?? 4173), strictPort: true },
});
