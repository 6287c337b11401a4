// remark (`npm run lint:remark`) and editor integrations built on it check chapters with the same
// rules, messages and positions as `charter lint`, which runs the same pipeline.
export { default } from 'charter-handbook/remark-preset';
