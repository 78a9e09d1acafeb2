/** Which document's details panel is open, if any. */
import { create } from 'zustand';
import type { Uuid } from '#shared/model/types';

interface DocumentsState {
  readonly detailsDocumentId: Uuid | null;
}

/** The documents feature's store. */
export const useDocuments = create<DocumentsState>()(() => ({ detailsDocumentId: null }));

/** Opens the details panel of a document. */
export function openDocumentDetails(documentId: Uuid): void {
  useDocuments.setState({ detailsDocumentId: documentId });
}

/** Closes the details panel. */
export function closeDocumentDetails(): void {
  useDocuments.setState({ detailsDocumentId: null });
}
