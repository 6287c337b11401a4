// Plain `tsc` cannot read .astro files; `astro check` can and resolves the real types first. This
// fallback lets `tsc` type-check the TypeScript modules that import components.
declare module '*.astro' {
  const component: (props: Record<string, unknown>) => unknown;
  export default component;
}
