/**
 * Dragging a code onto a selected passage: the code's id travels in the drag data under Tessera's own type, so a
 * drop of anything else (text, files) is not taken for a code. Any list of codes can start such a drag.
 */
import type { DragEvent } from 'react';
import type { Code, Uuid } from '#shared/model/types';

/** The drag-data type that carries a code id. */
export const CODE_DRAG_TYPE = 'application/x-tessera-code';

/**
 * The type the coding tree puts on a code dragged within it (renderer/features/codes/code-tree.tsx); a code dragged
 * from the tree onto a selection is a code to apply.
 */
const TREE_DRAG_TYPE = 'application/x-tessera-code-move';

/** Starts dragging a code (call from an element's onDragStart). */
export function startCodeDrag(event: DragEvent, code: Pick<Code, 'id' | 'name'>): void {
  event.dataTransfer.setData(CODE_DRAG_TYPE, code.id);
  event.dataTransfer.setData('text/plain', code.name);
  event.dataTransfer.effectAllowed = 'copy';
}

/** Whether a drag carries a code. */
export function isCodeDrag(event: DragEvent): boolean {
  return event.dataTransfer.types.includes(CODE_DRAG_TYPE) || event.dataTransfer.types.includes(TREE_DRAG_TYPE);
}

/** The id of the dragged code, or null. */
export function droppedCodeId(event: DragEvent): Uuid | null {
  return event.dataTransfer.getData(CODE_DRAG_TYPE) || event.dataTransfer.getData(TREE_DRAG_TYPE) || null;
}
