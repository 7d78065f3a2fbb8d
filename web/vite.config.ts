// Vite builds the Solid app into web/dist, which the API serves.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [solid()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    // `vite` for UI development next to `recon serve` on the default port.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
