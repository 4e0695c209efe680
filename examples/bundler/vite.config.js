import { defineConfig } from 'vite';

// Nothing quiz-elements needs for `vite build` or for `vite` (the dev server) when the package
// is installed from npm. Only a `npm link`ed or workspace copy needs the plugin below:
// see ../README.md ("npm + a bundler").
export default defineConfig({});
