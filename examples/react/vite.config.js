import { defineConfig } from 'vite';

// Vite compiles JSX in .tsx files by itself; add @vitejs/plugin-react for Fast Refresh in dev.
export default defineConfig({});
