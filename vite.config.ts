import { sveltekit } from "@sveltejs/kit/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [sveltekit()],
  css: {
    preprocessorOptions: {
      // govuk-frontend still uses Sass features that newer Sass warns about.
      scss: { quietDeps: true, loadPaths: ["node_modules"] },
    },
  },
});
