declare module 'virtual:charter/config' {
  const config: import('./lib/site-config.ts').SiteConfig;
  export default config;
}

declare module 'virtual:charter/vocabulary' {
  const vocabulary: import('./lib/vocabulary.ts').Vocabulary;
  export default vocabulary;
}

declare module 'virtual:charter/pages' {
  const pages: import('./lib/optional-pages.ts').OptionalPages;
  export default pages;
}

declare module 'virtual:charter/theme.css';
