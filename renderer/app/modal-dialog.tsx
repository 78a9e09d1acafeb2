/**
 * The one way a modal dialog or a menu behaves for keyboard and screen-reader users: focus moves into it when it
 * opens, Tab and Shift+Tab go round inside it, Escape closes it, and focus goes back to what opened it when it
 * closes (the button, the row, or the menu button whose menu opened it).
 */
import { useLayoutEffect, useRef } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent, ReactNode, RefObject } from 'react';

/** What the keyboard can reach with Tab. */
const TABBABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type=hidden])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** The fields a dialog opens on, before its buttons. */
const FIELD = 'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled])';

/** The elements of `container` that Tab reaches, in order, leaving out hidden ones. */
export function tabbableIn(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (element) => element.tabIndex >= 0 && element.getClientRects().length > 0 && !element.closest('[inert]'),
  );
}

interface ModalFocusOptions {
  /** Where focus goes on open; by default the first field, else the first button that does not just close. */
  readonly initialFocus?: (container: HTMLElement) => HTMLElement | null | undefined;
  /** Escape closes; without it Escape does nothing (a step that cannot be left half-done). */
  readonly onEscape?: (() => void) | undefined;
}

/**
 * Gives `ref`'s element the modal focus behaviour while it is mounted. Layout effects, so that a menu that closes
 * as its item opens a dialog has handed focus back to its button before the dialog notes who opened it.
 */
export function useModalFocus(
  ref: RefObject<HTMLElement | null>,
  { initialFocus, onEscape }: ModalFocusOptions = {},
): (event: ReactKeyboardEvent) => void {
  const initial = useRef(initialFocus);
  useLayoutEffect(() => {
    const container = ref.current;
    if (!container) return undefined;
    const active = document.activeElement;
    const opener = active instanceof HTMLElement && active !== document.body && !container.contains(active) ? active : null;
    const first =
      initial.current?.(container) ??
      container.querySelector<HTMLElement>(FIELD) ??
      tabbableIn(container).find((element) => !element.matches('.modal-close, [aria-label=Close]')) ??
      tabbableIn(container)[0];
    if (first) first.focus();
    else {
      container.tabIndex = -1;
      container.focus();
    }
    // Focus that leaves by other means (a click on the dimmed window behind) is brought back.
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target as Node | null;
      if (!target || container.contains(target)) return;
      // A dialog or menu opened above this one owns the focus while it is open.
      if (target instanceof Element && target.closest('[aria-modal=true], [role=menu]')) return;
      (tabbableIn(container)[0] ?? container).focus();
    };
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      if (opener?.isConnected) opener.focus();
    };
  }, [ref]);
  // A React handler (not a native one) so that fields and menus inside, whose handlers run first, can keep a key.
  return (event: ReactKeyboardEvent) => {
    if (event.defaultPrevented || event.isPropagationStopped()) return;
    const container = ref.current;
    if (!container) return;
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (!onEscape) return;
      event.preventDefault();
      onEscape();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = tabbableIn(container);
    const last = items.length - 1;
    const at = items.indexOf(document.activeElement as HTMLElement);
    let next: HTMLElement | undefined;
    if (at === -1) next = event.shiftKey ? items[last] : items[0];
    else if (event.shiftKey && at === 0) next = items[last];
    else if (!event.shiftKey && at === last) next = items[0];
    else return;
    event.preventDefault();
    next?.focus();
  };
}

interface ModalDialogProps {
  /** The id of the dialog's title. */
  readonly labelledBy: string;
  readonly className: string;
  /** Escape closes (and a click on the dimmed window, if `closeOnBackdrop`); leave out while closing would lose work. */
  readonly onClose?: (() => void) | undefined;
  readonly closeOnBackdrop?: boolean;
  readonly children: ReactNode;
}

/** A modal dialog over the dimmed window. */
export function ModalDialog({ labelledBy, className, onClose, closeOnBackdrop, children }: ModalDialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const onKeyDown = useModalFocus(ref, { onEscape: onClose });
  return (
    <div
      className="modal-backdrop"
      onMouseDown={(event) => {
        if (closeOnBackdrop && onClose && event.target === event.currentTarget) onClose();
      }}
    >
      <div ref={ref} className={className} role="dialog" aria-modal="true" aria-labelledby={labelledBy} onKeyDown={onKeyDown}>
        {children}
      </div>
    </div>
  );
}
