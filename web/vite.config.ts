import { defineConfig } from 'vite';

// The server sends a strict Content-Security-Policy (script-src 'self',
// style-src 'self'): the build must emit no inline script or style, and
// load nothing from another origin.
export default defineConfig({
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    // `npm run dev` forwards the API to a local `escudo serve --port 8080`.
    proxy: { '/api': 'http://127.0.0.1:8080' },
    // The route map bundles the country outlines and places from ../data/geo.
    fs: { allow: ['.', '../data/geo'] },
  },
});
