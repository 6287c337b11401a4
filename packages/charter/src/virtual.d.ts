declare module 'virtual:charter/config' {
  const config: import('./lib/site-config.ts').SiteConfig;
  export default config;
}
