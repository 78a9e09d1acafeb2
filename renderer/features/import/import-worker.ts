/**
 * The import worker: reads one file at a time off the UI thread, with the same code as the command line
 * (`importTranscriptFile`), and sends back the imported text or the reason it was refused. The page that started it
 * terminates it when a file takes too long (see `import-runner.ts`), so a hostile file cannot freeze the app.
 */
import { ImportError } from '#shared/import/import-error';
import { importTranscriptFile } from '#shared/import/import-file';
import type { ImportRequest, ImportResponse } from './import-messages.ts';

/** The worker's global scope, as far as this module uses it (the DOM typings describe a window, not a worker). */
interface WorkerScope {
  postMessage(message: ImportResponse): void;
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, fileName, bytes, encoding } = event.data;
  importTranscriptFile(fileName, bytes, encoding ? { encoding } : {}).then(
    (imported) => scope.postMessage({ id, ok: true, imported }),
    (error: unknown) =>
      scope.postMessage({
        id,
        ok: false,
        message:
          error instanceof ImportError
            ? error.message
            : `"${fileName}" could not be read: ${error instanceof Error ? error.message : String(error)}`,
      }),
  );
};
