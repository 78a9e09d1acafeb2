/**
 * The packaging configuration (packaging/): installers for Windows, macOS and Linux with electron-builder, valid
 * against electron-builder's own schema, and Electron's fuses flipped by the afterPack hook, checked on a stand-in
 * binary with @electron/fuses itself (no Electron binary can be had on the test machines).
 */
import { createRequire } from 'node:module';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { electronBuilderConfig, PACKAGE_OUTPUT_DIR } from '../../../packaging/electron-builder-config.mjs';
import { fuseOptions, packedExecutablePath, setTesseraFuses, TESSERA_FUSES } from '../../../packaging/fuses.mjs';
import { requestedPlatforms } from '../../../scripts/package.mjs';

const require = createRequire(import.meta.url);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tessera-packaging-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the electron-builder configuration', () => {
  it('makes installers for Windows, macOS and Linux', () => {
    expect(electronBuilderConfig.win.target).toEqual(['nsis']);
    expect(electronBuilderConfig.mac.target).toEqual(['dmg']);
    expect(electronBuilderConfig.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('packs only the built app into an ASAR, publishes nowhere, and sets the fuses after packing', () => {
    expect(electronBuilderConfig.files).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']);
    expect(electronBuilderConfig.asar).toBe(true);
    expect(electronBuilderConfig.publish).toBeNull();
    expect(electronBuilderConfig.afterPack).toBe(setTesseraFuses);
    expect(electronBuilderConfig.productName).toBe('Tessera');
    expect(electronBuilderConfig.appId).toBe('org.tessera.desktop');
    expect(electronBuilderConfig.directories.output).toBe(PACKAGE_OUTPUT_DIR);
  });

  it("is valid against electron-builder's own schema (and the check does catch a bad one)", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration({ ...electronBuilderConfig }, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...electronBuilderConfig, win: { target: ['nsis'], notAnOption: true } }, new DebugLogger(false)),
    ).rejects.toThrow(/configuration\.win/);
  });
});

describe("Electron's fuses", () => {
  it('turn off running as Node, NODE_OPTIONS, inspect arguments and file: privileges; turn on cookie encryption and ASAR integrity, loading only from the ASAR', () => {
    expect(TESSERA_FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('become flipFuses options by fuse number, re-signing only Apple silicon builds', () => {
    const linux = fuseOptions('linux', 'x64');
    expect(linux).toMatchObject({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: false,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    expect(fuseOptions('darwin', 'arm64').resetAdHocDarwinSignature).toBe(true);
    expect(fuseOptions('darwin', 'x64').resetAdHocDarwinSignature).toBe(false);
  });

  it('are flipped in the executable electron-builder packed, per platform', async () => {
    const packager = { appInfo: { productFilename: 'Tessera' }, executableName: 'tessera' };
    const flip = vi.fn(async () => 1);
    await setTesseraFuses({ appOutDir: '/out/win-unpacked', electronPlatformName: 'win32', arch: 1, packager }, flip);
    await setTesseraFuses({ appOutDir: '/out/mac-arm64', electronPlatformName: 'darwin', arch: 3, packager }, flip);
    await setTesseraFuses({ appOutDir: '/out/linux-unpacked', electronPlatformName: 'linux', arch: 1, packager }, flip);
    expect(flip.mock.calls.map((call) => (call as unknown[])[0])).toEqual([
      path.join('/out/win-unpacked', 'Tessera.exe'),
      path.join('/out/mac-arm64', 'Tessera.app'),
      path.join('/out/linux-unpacked', 'tessera'),
    ]);
    expect((flip.mock.calls[1] as unknown[])[1]).toMatchObject({ resetAdHocDarwinSignature: true });
    expect(() =>
      packedExecutablePath({ appOutDir: '/o', electronPlatformName: 'aix', productFilename: 'T', executableName: 't' }),
    ).toThrow(/does not package for the platform "aix"/);
  });

  it('end up set in the binary: @electron/fuses flips a stand-in fuse wire and reads it back', async () => {
    // Electron's binary holds a sentinel, then the wire version and length, then one byte per fuse ('0' off, '1' on).
    // Start from Electron's defaults as shipped: run-as-node, NODE_OPTIONS and inspect on, the rest off.
    const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'ascii');
    const wire = Buffer.from([1, 8, ...Buffer.from('10110001', 'ascii')]);
    const binary = path.join(dir, 'tessera');
    await writeFile(binary, Buffer.concat([Buffer.alloc(64, 7), sentinel, wire, Buffer.alloc(64, 9)]));
    await setTesseraFuses({
      appOutDir: dir,
      electronPlatformName: 'linux',
      arch: 1,
      packager: { appInfo: { productFilename: 'Tessera' }, executableName: 'tessera' },
    });
    const read = await getCurrentFuseWire(binary);
    const on = (fuse: FuseV1Options) => String.fromCharCode(read[fuse] as number);
    expect(on(FuseV1Options.RunAsNode)).toBe('0');
    expect(on(FuseV1Options.EnableCookieEncryption)).toBe('1');
    expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
    expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
    expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
    expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
    expect(on(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('0');
    // A fuse Tessera does not set keeps Electron's value.
    expect(on(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot)).toBe('0');
  });
});

describe('npm run package', () => {
  it('takes --win, --mac and --linux, and nothing else', () => {
    expect(requestedPlatforms([])).toEqual([]);
    expect(requestedPlatforms(['--win', '--linux'])).toEqual(['WINDOWS', 'LINUX']);
    expect(() => requestedPlatforms(['--android'])).toThrow(/Unknown option --android/);
  });
});
