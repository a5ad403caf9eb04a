import adapter from "@sveltejs/adapter-node";
import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

// SvelteKit reads this file from the working directory, so it sits at the top
// and points into web/, where the front end lives.
/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: "web/build" }),
    outDir: "web/.svelte-kit",
    files: {
      src: "web/src",
      assets: "web/static",
      lib: "web/src/lib",
      routes: "web/src/routes",
      appTemplate: "web/src/app.html",
      errorTemplate: "web/src/error.html",
      hooks: {
        client: "web/src/hooks.client",
        server: "web/src/hooks.server",
        universal: "web/src/hooks",
      },
      params: "web/src/params",
      serviceWorker: "web/src/service-worker",
    },
  },
};
