/**
 * The study design: the project's sites (code and name) and phases (in time order). Add, rename, reorder, remove; a
 * site or phase that documents use is removed only after the user has been told how many documents would lose it.
 */
import { useEffect, useRef, useState } from 'react';
import type { Phase, Site } from '#shared/model/types';
import { phasesInOrder, phaseUsage, sitesInOrder, siteUsage } from '#shared/study/study-design';
import { useWorkspace } from '../../state/workspace-store.ts';
import { plural } from '../../app/format.ts';
import { ModalDialog } from '../../app/modal-dialog.tsx';
import {
  closeStudyDialog,
  createPhase,
  createSite,
  deletePhase,
  deleteSite,
  savePhase,
  saveSite,
  shiftPhase,
  useStudy,
} from './study-store.ts';
import './study.css';

/** The study dialog. */
export function StudyDialog() {
  const open = useStudy((s) => s.open);
  // Escape, a click outside and Done ask first while a row holds typed text that is not saved.
  const [askingToDiscard, setAskingToDiscard] = useState(false);
  // Always mounted: it reads the study design only while open.
  const sites = useWorkspace((s) => (open ? s.snapshot?.sites : undefined));
  const phases = useWorkspace((s) => (open ? s.snapshot?.phases : undefined));
  const documents = useWorkspace((s) => (open ? s.snapshot?.documents : undefined));
  if (!open || !sites || !phases || !documents) return null;
  const requestClose = () => (rowsWithUnsavedText.size > 0 ? setAskingToDiscard(true) : closeStudyDialog());
  const siteUse = (id: string) => siteUsage({ documents }, id).length;
  const phaseUse = (id: string) => phaseUsage({ documents }, id).length;
  return (
    <ModalDialog labelledBy="study-title" className="modal study-dialog" onClose={requestClose} closeOnBackdrop>
        <h2 id="study-title">Study design</h2>
        <p className="study-intro">
          Sites and phases tag every document; quotes are cited by site code and paragraph (“BU 45”), and comparisons are made site by phase.
        </p>
        <section aria-labelledby="sites-heading">
          <h3 id="sites-heading">Sites</h3>
          {sites.length === 0 && <p className="empty">No sites yet.</p>}
          <ul className="study-list">
            {sitesInOrder(sites).map((site) => (
              <SiteRow key={site.id} site={site} used={siteUse(site.id)} />
            ))}
          </ul>
          <NewSite />
        </section>
        <section aria-labelledby="phases-heading">
          <h3 id="phases-heading">Phases</h3>
          <ul className="study-list">
            {phasesInOrder(phases).map((phase, index, all) => (
              <PhaseRow key={phase.id} phase={phase} used={phaseUse(phase.id)} first={index === 0} last={index === all.length - 1} />
            ))}
          </ul>
          <NewPhase />
        </section>
        <div className="modal-actions">
          {askingToDiscard ? (
            <>
              <span className="dialog-summary" role="alert">
                Some text you typed here is not saved. Close and discard it?
              </span>
              <button type="button" onClick={() => setAskingToDiscard(false)} autoFocus>
                Keep editing
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => {
                  setAskingToDiscard(false);
                  closeStudyDialog();
                }}
              >
                Discard
              </button>
            </>
          ) : (
            <button type="button" className="primary" onClick={requestClose}>
              Done
            </button>
          )}
        </div>
    </ModalDialog>
  );
}

/** The rows of the open dialog that hold typed text not yet saved. */
const rowsWithUnsavedText = new Set<string>();

/** Records whether a row holds unsaved typed text, while it is mounted. */
function useUnsavedText(rowKey: string, unsaved: boolean): void {
  useEffect(() => {
    if (unsaved) rowsWithUnsavedText.add(rowKey);
    else rowsWithUnsavedText.delete(rowKey);
    return () => {
      rowsWithUnsavedText.delete(rowKey);
    };
  }, [rowKey, unsaved]);
}

/**
 * The text of a row's fields, following the stored values (an undo, a merge) except while a save of the row is under
 * way: a save that fails is taken back, and what was typed then stays in the fields, to be saved again.
 */
function useRowText<T extends Record<string, string>>(stored: T): {
  readonly text: T;
  readonly setField: (field: keyof T, value: string) => void;
  readonly saving: <R>(save: () => Promise<R>) => Promise<R>;
} {
  const [text, setText] = useState(stored);
  const savingRef = useRef(false);
  const storedKey = JSON.stringify(stored);
  useEffect(() => {
    if (!savingRef.current) setText(JSON.parse(storedKey) as T);
  }, [storedKey]);
  return {
    text,
    setField: (field, value) => setText((current) => ({ ...current, [field]: value })),
    saving: async (save) => {
      savingRef.current = true;
      try {
        return await save();
      } finally {
        savingRef.current = false;
      }
    },
  };
}

function SiteRow({ site, used }: { site: Site; used: number }) {
  const row = useRowText({ code: site.code, name: site.name });
  const { code, name } = row.text;
  const setCode = (value: string) => row.setField('code', value);
  const setName = (value: string) => row.setField('name', value);
  const [confirming, setConfirming] = useState(false);
  const dirty = code.trim().toUpperCase() !== site.code || name.trim() !== site.name;
  useUnsavedText(`site:${site.id}`, dirty);
  return (
    <li className="study-row">
      <form
        className="study-row-form"
        onSubmit={(e) => {
          e.preventDefault();
          void row.saving(() => saveSite(site.id, { code, name }));
        }}
      >
        <input className="study-code" aria-label={`Code of site ${site.code}`} value={code} onChange={(e) => setCode(e.target.value)} />
        <input className="study-name" aria-label={`Name of site ${site.code}`} value={name} onChange={(e) => setName(e.target.value)} />
        <span className="study-use">{plural(used, 'document')}</span>
        <button type="submit" className="small" disabled={!dirty}>
          Save
        </button>
        <button type="button" className="small danger" onClick={() => (used ? setConfirming(true) : void deleteSite(site.id, site.code, false))} aria-label={`Remove site ${site.code}`}>
          Remove
        </button>
      </form>
      {confirming && (
        <ConfirmRemoval used={used} where={`from ${site.code}`} what="site" onRemove={() => void deleteSite(site.id, site.code, true)} onKeep={() => setConfirming(false)} />
      )}
    </li>
  );
}

function NewSite() {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  useUnsavedText('new-site', code.trim() !== '' || name.trim() !== '');
  return (
    <form
      className="study-row-form study-new"
      onSubmit={(e) => {
        e.preventDefault();
        void createSite({ code, name }).then((ok) => {
          if (!ok) return;
          setCode('');
          setName('');
        });
      }}
    >
      <input className="study-code" aria-label="New site code" placeholder="Code" value={code} onChange={(e) => setCode(e.target.value)} />
      <input className="study-name" aria-label="New site name" placeholder="Name, e.g. Butabika, Uganda" value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="small" disabled={!code.trim()}>
        Add site
      </button>
    </form>
  );
}

function PhaseRow({ phase, used, first, last }: { phase: Phase; used: number; first: boolean; last: boolean }) {
  const row = useRowText({ name: phase.name });
  const { name } = row.text;
  const setName = (value: string) => row.setField('name', value);
  const [confirming, setConfirming] = useState(false);
  useUnsavedText(`phase:${phase.id}`, name.trim() !== phase.name);
  return (
    <li className="study-row">
      <form
        className="study-row-form"
        onSubmit={(e) => {
          e.preventDefault();
          void row.saving(() => savePhase(phase.id, name));
        }}
      >
        <input className="study-name" aria-label={`Name of phase ${phase.name}`} value={name} onChange={(e) => setName(e.target.value)} />
        <span className="study-use">{plural(used, 'document')}</span>
        <button type="button" className="small quiet" disabled={first} onClick={() => void shiftPhase(phase.id, -1)} aria-label={`Move phase ${phase.name} earlier`}>
          ↑
        </button>
        <button type="button" className="small quiet" disabled={last} onClick={() => void shiftPhase(phase.id, 1)} aria-label={`Move phase ${phase.name} later`}>
          ↓
        </button>
        <button type="submit" className="small" disabled={name.trim() === phase.name}>
          Save
        </button>
        <button type="button" className="small danger" onClick={() => (used ? setConfirming(true) : void deletePhase(phase.id, phase.name, false))} aria-label={`Remove phase ${phase.name}`}>
          Remove
        </button>
      </form>
      {confirming && (
        <ConfirmRemoval
          used={used}
          where={`in phase ${phase.name}`}
          what="phase"
          onRemove={() => void deletePhase(phase.id, phase.name, true)}
          onKeep={() => setConfirming(false)}
        />
      )}
    </li>
  );
}

function NewPhase() {
  const [name, setName] = useState('');
  useUnsavedText('new-phase', name.trim() !== '');
  return (
    <form
      className="study-row-form study-new"
      onSubmit={(e) => {
        e.preventDefault();
        void createPhase(name).then((ok) => ok && setName(''));
      }}
    >
      <input className="study-name" aria-label="New phase name" placeholder="Phase, e.g. follow-up" value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="small" disabled={!name.trim()}>
        Add phase
      </button>
    </form>
  );
}

/** Asks before removing a site or phase that documents use, saying how many would lose it. */
function ConfirmRemoval(props: { used: number; where: string; what: 'site' | 'phase'; onRemove: () => void; onKeep: () => void }) {
  const one = props.used === 1;
  return (
    <div className="study-confirm" role="alert">
      {plural(props.used, 'document')} {one ? 'is' : 'are'} {props.where} and would lose {one ? 'its' : 'their'} {props.what}.
      <button type="button" className="small danger" onClick={props.onRemove}>
        Remove anyway
      </button>
      <button type="button" className="small" onClick={props.onKeep}>
        Keep it
      </button>
    </div>
  );
}
