/** Types of serve-web.mjs (plain JavaScript so that plain Node can run it). */
import type { RequestListener } from 'node:http';

/** The port tried first when none is given (5173). */
export declare const DEFAULT_WEB_PORT: number;

/** The folder `vite build` writes the web app to (dist-web/). */
export declare const WEB_BUILD_DIR: string;

/** Whether `rootDir` holds a web build (its index.html). */
export declare function hasWebBuild(rootDir?: string): boolean;

/** A request listener serving the files of `rootDir`. */
export declare function createStaticHandler(rootDir: string): RequestListener;

/** Options of the web server. */
export interface WebServerOptions {
  readonly rootDir?: string;
  /** First port to try; 0 lets the system choose. */
  readonly port?: number;
  /** How many consecutive ports to try when the first is taken. */
  readonly attempts?: number;
}

/** A running web server. */
export interface RunningWebServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Starts serving a folder on 127.0.0.1. */
export declare function startWebServer(options?: WebServerOptions): Promise<RunningWebServer>;
