/**
 * A modal dialog of the codebook (and of other views that want the same frame): a title with a close button, a
 * body, and buttons at the bottom, in the app's one modal dialog (focus in, Tab kept inside, focus back on close).
 */
import { useId } from 'react';
import type { ReactNode } from 'react';
import { ModalDialog } from '../../app/modal-dialog.tsx';

interface ModalProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** Buttons at the bottom, right-aligned. */
  readonly actions: ReactNode;
  readonly wide?: boolean;
  readonly className?: string;
}

/** A modal dialog with a title, a body and actions; Escape or a click outside closes it. */
export function Modal({ title, onClose, children, actions, wide, className }: ModalProps) {
  const titleId = useId();
  return (
    <ModalDialog
      labelledBy={titleId}
      className={`modal codebook-modal${wide ? ' modal-wide' : ''}${className ? ` ${className}` : ''}`}
      onClose={onClose}
      closeOnBackdrop
    >
      <div className="modal-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="quiet modal-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="modal-body">{children}</div>
      <div className="modal-actions">{actions}</div>
    </ModalDialog>
  );
}
