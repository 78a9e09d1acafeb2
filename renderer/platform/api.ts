/**
 * The renderer's one way to the platform: the preload's API inside Electron, the browser implementation elsewhere.
 */
import type { TesseraApi } from '#shared/platform/preload-api';
import { browserApi } from './browser-api.ts';
import { withReadableErrors } from './platform-errors.ts';

declare global {
  interface Window {
    /** Set by electron/preload.ts through contextBridge; absent in a plain browser. */
    readonly tessera?: TesseraApi;
  }
}

/** The desktop API with readable failures, made once per preload API object. */
let readableDesktopApi: { readonly from: TesseraApi; readonly api: TesseraApi } | undefined;

/** The platform API for this window. A failed desktop call rejects with a sentence for the user (a UserError). */
export function platformApi(): TesseraApi {
  const desktop = window.tessera;
  if (desktop === undefined) return browserApi;
  if (readableDesktopApi?.from !== desktop) readableDesktopApi = { from: desktop, api: withReadableErrors(desktop) };
  return readableDesktopApi.api;
}
