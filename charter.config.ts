import { defineCharterConfig } from './src/lib/site-config.ts';

// The handbook's settings. Every field is documented in src/lib/site-config.ts.
export default defineCharterConfig({
  title: 'Service Handbook',
  organization: 'Northwind Supply',
  lang: 'en-US',
  editBaseUrl: 'https://github.com/northwind-supply/charter/edit/main/src/content/',
  base: '/',
  noindex: true,
});
