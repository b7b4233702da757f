import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// One HTML page per pane (and the function file), so each pane loads only its own code;
// Fluent UI and React land in a shared chunk the browser caches across panes.
export const pages = {
  commands: 'commands.html',
  client: 'client.html',
  contract: 'contract.html',
  invoice: 'invoice.html',
  task: 'task.html',
  grades: 'grades.html',
  invoices: 'invoices.html',
  firm: 'firm.html',
  'auth-dialog': 'auth-dialog.html',
};

export default defineConfig({
  plugins: [react()],
  // Relative URLs: the same build is served under /addin/ locally and at the root of the static site in Azure.
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rollupOptions: {
      input: Object.fromEntries(Object.entries(pages).map(([name, file]) => [name, resolve(__dirname, file)])),
    },
  },
});
