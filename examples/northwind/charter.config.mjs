// @ts-check
import { defineCharterConfig } from 'charter-handbook/config';

// The handbook's settings; every field is described in the engine's docs (docs/configuration.md).
export default defineCharterConfig({
  title: 'Service Handbook',
  organization: 'Northwind Supply',
  home: {
    intro:
      'The standards we keep every time a customer calls, writes, chats or walks in: what we promise, how we do it, ' +
      'and the words we use. Read it in your first week, and come back whenever you are unsure.',
    description: 'How Northwind Supply serves its customers at every touchpoint.',
    actions: [{ label: 'Find the standard for a touchpoint', href: '/touchpoints/' }],
  },
  lang: 'en-US',
  editBaseUrl: 'https://github.com/northwind-supply/charter/edit/main/examples/northwind/src/content/',
  base: '/',
  noindex: true,
  // Confirmations and searches that found nothing go to `charter ack-server` behind the sign-in proxy.
  feedback: { endpoint: '/charter-api' },
  report: { issues: 'https://github.com/northwind-supply/charter/issues/new' },
});
