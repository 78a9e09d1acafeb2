/** Types of static-files.mjs (plain JavaScript so that plain Node can run scripts/serve-web.mjs). */

/** The Content-Security-Policy sent with every app page. */
export declare const CONTENT_SECURITY_POLICY: string;

/** MIME types by lowercase extension (with the dot). */
export declare const MIME_TYPES: Readonly<Record<string, string>>;

/** The MIME type for a file name; `application/octet-stream` when unknown. */
export declare function mimeTypeFor(fileName: string): string;

/** The headers every response from the app's folder carries. */
export declare function staticResponseHeaders(contentType: string): Record<string, string>;

/** Where a request path leads inside the served folder. */
export type StaticFileResolution =
  | { readonly kind: 'file'; readonly filePath: string; readonly mimeType: string }
  | { readonly kind: 'forbidden' }
  | { readonly kind: 'not-found' };

/** Maps a request URL's (percent-encoded) path to a file under `rootDir`, refusing anything outside it. */
export declare function resolveStaticFile(rootDir: string, urlPathname: string): Promise<StaticFileResolution>;
