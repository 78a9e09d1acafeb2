/**
 * Serves the web build (dist-web/) on 127.0.0.1 for the end-to-end tests, with the same server and headers that
 * `npm start` uses where Electron cannot run.
 */
import type { TestProject } from 'vitest/node';
import { resolve } from 'node:path';
import { hasWebBuild, startWebServer, WEB_BUILD_DIR } from '../../../scripts/serve-web.mjs';

/** The web build to serve: TESSERA_WEB_OUT when a parallel run built elsewhere (see vite.config.ts), else dist-web/. */
const webBuildDir = process.env.TESSERA_WEB_OUT ? resolve(process.env.TESSERA_WEB_OUT) : WEB_BUILD_DIR;

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Starts the server before the tests and stops it after. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!hasWebBuild(webBuildDir)) throw new Error(`${webBuildDir} has no web build: run \`vite build\` first (npm run test:e2e does).`);
  const server = await startWebServer({ rootDir: webBuildDir, port: 0 });
  project.provide('baseUrl', server.url);
  return () => server.close();
}
