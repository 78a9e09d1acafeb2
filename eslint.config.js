// Lint rules that keep the layers apart (shared/ is pure; the renderer never touches Electron) and the code strict.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist-web/**', 'test-results/**', 'tests/e2e/output/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'shared/ is pure: no React.' },
            { group: ['electron', 'electron/*'], message: 'shared/ is pure: no Electron.' },
            { group: ['dexie', 'dexie/*'], message: 'shared/ is pure: no Dexie.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'shared/ runs in the browser too.' },
            { group: ['#renderer/*', '#electron/*', '**/renderer/**', '**/electron/**'], message: 'shared/ depends on no other layer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The renderer reaches the platform only through renderer/platform/api.ts.' },
            { group: ['node:*'], message: 'The renderer runs in a sandboxed page.' },
            { group: ['#electron/*', '**/electron/**'], message: 'The renderer does not import the main process.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**'],
    ignores: ['electron/ipc.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'IPC goes through the typed contract: electron/ipc.ts (main) and electron/preload.ts only.',
            },
          ],
        },
      ],
    },
  },
);
