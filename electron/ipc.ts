/**
 * The main process's side of IPC: the only place `ipcMain` is used.
 *
 * `handle(channel, fn)` is typed by shared/platform/ipc-contract.ts. Before `fn` runs, every call is checked:
 * the sender must be a frame of the app's own origin inside a window this process created and trusts (checklist
 * item 17: `senderFrame` is null once the frame navigated or died, and sub-frames or foreign pages must not reach the
 * handlers), and the payload must parse with the channel's schema. Anything else is rejected with an error and
 * never acted on.
 */
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_CHANNELS, ipcRequestSchemas } from '#shared/platform/ipc-contract';
import type { IpcChannel, IpcRequest, IpcResponse } from '#shared/platform/ipc-contract';
import { APP_ORIGIN, originOf } from './app-origin.ts';

/** Ids of the web contents whose IPC calls are accepted: the app's own windows, added as they are created. */
export const trustedSenderIds = new Set<number>();

/** The parts of a web contents that trusting it needs. */
export interface TrustableContents {
  readonly id: number;
  once(event: 'destroyed', listener: () => void): unknown;
}

/** Trusts a window's web contents for IPC until it is destroyed. */
export function trustSender(contents: TrustableContents): void {
  const id = contents.id;
  trustedSenderIds.add(id);
  contents.once('destroyed', () => trustedSenderIds.delete(id));
}

/** Why an IPC call was refused; the message reaches the renderer's rejected promise. */
export class IpcRejection extends Error {
  override readonly name = 'IpcRejection';
}

/** The parts of an invoke event the sender check reads. */
export type IpcSenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'> & { readonly sender: Pick<WebContents, 'id'> };

/** Throws unless the call comes from a live frame of the app's origin in a trusted window. */
export function assertTrustedSender(
  channel: IpcChannel,
  event: IpcSenderEvent,
  trusted: ReadonlySet<number> = trustedSenderIds,
): void {
  const frame = event.senderFrame;
  if (frame === null) throw new IpcRejection(`IPC "${channel}" refused: the sending frame is gone.`);
  if (originOf(frame.url) !== APP_ORIGIN) {
    throw new IpcRejection(`IPC "${channel}" refused: the sender is not a page of ${APP_ORIGIN}.`);
  }
  if (!trusted.has(event.sender.id)) {
    throw new IpcRejection(`IPC "${channel}" refused: the sender is not one of the app's windows.`);
  }
}

/** Parses a channel's payload with its schema; throws a readable error naming the first problems. */
export function parseIpcRequest<K extends IpcChannel>(channel: K, args: readonly unknown[]): IpcRequest<K> {
  if (args.length > 1) throw new IpcRejection(`IPC "${channel}" refused: expected one argument, got ${args.length}.`);
  const schema = ipcRequestSchemas[channel];
  const parsed = schema.safeParse(args[0]);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`)
      .join('; ');
    throw new IpcRejection(`IPC "${channel}" refused: invalid request (${problems}).`);
  }
  // The schema map is checked against IpcRequest per channel (ipc-contract.ts); indexing by a generic K loses that
  // link in TypeScript, hence the assertion.
  return parsed.data as IpcRequest<K>;
}

/** What a channel's handler receives besides its request: the checked sender. */
export interface IpcCallContext {
  readonly sender: WebContents;
}

/** The implementation of one channel. */
export type IpcHandler<K extends IpcChannel> = (
  request: IpcRequest<K>,
  context: IpcCallContext,
) => Promise<IpcResponse<K>>;

/**
 * One handler per channel of the contract. A mapped type over IpcChannel: leaving a channel out, adding one the
 * contract does not have, or giving a handler the wrong request or response type fails to compile.
 */
export type IpcHandlers = { readonly [K in IpcChannel]: IpcHandler<K> };

/** Registers every channel's handler, each behind the sender check and the payload parse. */
export function handleAll(handlers: IpcHandlers, trusted: ReadonlySet<number> = trustedSenderIds): void {
  const register = <K extends IpcChannel>(channel: K): void => handle(channel, handlers[channel], trusted);
  for (const channel of IPC_CHANNELS) register(channel);
}

/**
 * Registers the handler of a channel, behind the sender check and the payload parse.
 *
 * `trusted` is the set of accepted web contents ids (the module's set unless a test passes its own).
 */
export function handle<K extends IpcChannel>(
  channel: K,
  handler: IpcHandler<K>,
  trusted: ReadonlySet<number> = trustedSenderIds,
): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    assertTrustedSender(channel, event, trusted);
    const request = parseIpcRequest(channel, args);
    return handler(request, { sender: event.sender });
  });
}
