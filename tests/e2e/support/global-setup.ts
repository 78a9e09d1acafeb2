/**
 * Serves the web build (dist-web/) on 127.0.0.1 for the end-to-end tests, with the same server and headers that
 * `npm start` uses where Electron cannot run.
 */
import type { TestProject } from 'vitest/node';
import { hasWebBuild, startWebServer, WEB_BUILD_DIR } from '../../../scripts/serve-web.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Starts the server before the tests and stops it after. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!hasWebBuild()) throw new Error('dist-web/ is missing: run `vite build` first (npm run test:e2e does).');
  const server = await startWebServer({ rootDir: WEB_BUILD_DIR, port: 0 });
  project.provide('baseUrl', server.url);
  return () => server.close();
}
