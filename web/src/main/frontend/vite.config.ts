import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into the Spring Boot application's static files and served at /portal/.
export default defineConfig({
  base: '/portal/',
  plugins: [react()],
  build: {
    outDir: '../../../target/classes/static/portal',
    emptyOutDir: true
  },
  test: {
    environment: 'jsdom'
  }
});
