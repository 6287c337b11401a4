// @ts-check
import { defineCharterConfig } from 'charter-handbook/config';

// The handbook's settings. Point editBaseUrl at the folder of your chapters in your repository, so
// every page's "Edit this page" link opens the right file.
export default defineCharterConfig({
  title: {{js:title}},
  organization: {{js:organization}},
  lang: {{js:lang}},
  editBaseUrl: 'https://github.com/your-account/{{name}}/edit/main/src/content/',
  base: '/',
  // Keeps search engines away until you are ready to publish the handbook openly.
  noindex: true,
});
