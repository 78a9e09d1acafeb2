/**
 * Renderer entry: mounts the app and opens the workspace (the project store and the last open project).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { backupBeforeClose, backupDueBeforeClose, hasUnsavedChanges, startWorkspace, whenSaved } from './state/workspace-store.ts';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void startWorkspace();

// A change shows a few milliseconds before its write ends. Closing the window in that moment waits for the write,
// then closes (in Electron, a cancelled unload keeps the window open; in a browser the page asks first). In the
// desktop app, a project changed since its last backup is backed up at closing too (once: a failed backup is
// logged, and the window then closes).
window.addEventListener('beforeunload', (event) => {
  if (!hasUnsavedChanges() && !backupDueBeforeClose()) return;
  event.preventDefault();
  void whenSaved()
    .then(() => backupBeforeClose())
    .then(() => window.close());
});
