/**
 * The renderer's one way to the platform: the preload's API inside Electron, the browser implementation elsewhere.
 */
import type { TesseraApi } from '#shared/platform/preload-api';
import { browserApi } from './browser-api.ts';

declare global {
  interface Window {
    /** Set by electron/preload.ts through contextBridge; absent in a plain browser. */
    readonly tessera?: TesseraApi;
  }
}

/** The platform API for this window. */
export function platformApi(): TesseraApi {
  return window.tessera ?? browserApi;
}
