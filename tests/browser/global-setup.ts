import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the page once, as for production but in test mode, and serves it for every browser test. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  findChromium(); // fail the whole layer early, with install instructions, when none exists
  // In test mode, which keeps the map's diagnostics (window.__brinkMap) that production builds leave out.
  await build({ mode: 'test', logLevel: 'warn', build: { outDir: 'dist' } });
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  project.provide('baseUrl', url);
  return async () => {
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  };
}
