// Membership tokens live in localStorage, so pages render in the browser only.
export const ssr = false;
export const prerender = false;
