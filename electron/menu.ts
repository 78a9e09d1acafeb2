/**
 * The application menu: Electron's standard roles (so copy, paste, undo, zoom and quit keep their shortcuts), minus
 * the default Help menu, whose items open electronjs.org in a browser.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** The menu template for a platform (`process.platform`); macOS gets its app menu first. */
export function buildMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const common: MenuItemConstructorOptions[] = [
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  return platform === 'darwin' ? [{ role: 'appMenu' }, ...common] : common;
}
