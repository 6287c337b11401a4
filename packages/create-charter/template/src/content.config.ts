// The handbook's content collections come from Charter; Astro needs this file in the project.
export { collections } from 'charter-handbook/content';
