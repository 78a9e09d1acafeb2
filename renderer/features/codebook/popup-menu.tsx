/**
 * A small menu that opens at a point (a right-click) or under a button, and closes on Escape, a click elsewhere, or
 * a choice. Items are buttons, so the keyboard reaches them; arrow keys move between them.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useModalFocus } from '../../app/modal-dialog.tsx';

interface PopupMenuProps {
  readonly x: number;
  readonly y: number;
  readonly label: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
}

/** A menu at a point of the window. */
export function PopupMenu({ x, y, label, onClose, children }: PopupMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: x, top: y });
  useLayoutEffect(() => {
    const panel = ref.current;
    if (!panel) return;
    const { width, height } = panel.getBoundingClientRect();
    setPosition({
      left: Math.max(8, Math.min(x, window.innerWidth - width - 8)),
      top: y + height > window.innerHeight - 8 ? Math.max(8, window.innerHeight - height - 8) : y,
    });
  }, [x, y]);
  // Focus into the menu, kept there, and back to its button when it closes: as every dialog does.
  const modalKeys = useModalFocus(ref, {
    initialFocus: (panel) => panel.querySelector<HTMLElement>('[role=menuitem]:not(:disabled), [role=menuitemcheckbox]'),
    onEscape: onClose,
  });
  useEffect(() => {
    const away = (event: MouseEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away, true);
    return () => window.removeEventListener('mousedown', away, true);
  }, [onClose]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
      modalKeys(event);
      return;
    }
    event.preventDefault();
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role^=menuitem]:not(:disabled)') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
    next?.focus();
  };
  return (
    <div ref={ref} className="popup-menu" role="menu" aria-label={label} style={position} onKeyDown={onKeyDown}>
      {children}
    </div>
  );
}

interface MenuItemProps {
  readonly onSelect: () => void;
  readonly children: ReactNode;
  readonly disabled?: boolean;
  readonly danger?: boolean;
  readonly title?: string;
}

/** One choice of a menu. */
export function MenuItem({ onSelect, children, disabled, danger, title }: MenuItemProps) {
  return (
    <button type="button" role="menuitem" className={`menu-item${danger ? ' danger' : ''}`} disabled={disabled} title={title} onClick={onSelect}>
      {children}
    </button>
  );
}

/** A line between groups of choices. */
export function MenuSeparator() {
  return <div className="menu-separator" role="separator" />;
}
