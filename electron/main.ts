/**
 * The Electron entry point (built to out/main/main.js, package.json "main"). It only starts the app, so that tests
 * can import electron/app.ts without starting anything.
 */
import { startApp } from './app.ts';

startApp(import.meta.dirname);
