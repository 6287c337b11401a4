// @ts-check
import { defineConfig } from 'astro/config';
import charter from 'charter-handbook';
import config from './charter.config.mjs';

export default defineConfig({ integrations: [charter(config)] });
