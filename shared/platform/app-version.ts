/** The app's name and version, from package.json, written into every .tessera file and shown in the About box. */
import packageJson from '../../package.json' with { type: 'json' };

export const APP_NAME = 'Tessera';
export const APP_VERSION: string = packageJson.version;
