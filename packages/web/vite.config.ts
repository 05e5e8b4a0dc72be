import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server (packages/server) listens on :3000 in development and serves dist/ in production,
// so the browser always talks to one origin and the session cookie stays first-party.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Route pages are split by React.lazy in App.tsx; the shared vendor chunk (React, Mantine) stays one file.
    chunkSizeWarningLimit: 700,
  },
});
