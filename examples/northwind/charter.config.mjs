// @ts-check
import { defineCharterConfig } from 'charter-handbook/config';

// The handbook's settings; every field is described in the engine's docs (docs/configuration.md).
export default defineCharterConfig({
  title: 'Service Handbook',
  organization: 'Northwind Supply',
  lang: 'en-US',
  editBaseUrl: 'https://github.com/northwind-supply/charter/edit/main/examples/northwind/src/content/',
  base: '/',
  noindex: true,
});
