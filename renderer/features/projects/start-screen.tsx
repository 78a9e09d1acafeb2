/**
 * The start screen: create a project, open a project file, or pick one of the projects on this computer.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { CodebookId } from '#shared/model/types';
import { builtinCodebook } from '#shared/codebooks/builtin-codebooks';
import { createProject, deleteProject, openProject, openProjectFile, useWorkspace } from '../../state/workspace-store.ts';
import { importRefiProjectFile } from '../refi/refi-actions.ts';
import { formatDateTime } from '../../app/format.ts';
import { FirstStartCoderCard } from '../coders/coder-identity-form.tsx';
import './start-screen.css';

/** The CFIR a new project can start with; the other codebooks are added later from the codebook menu. */
const START_CODEBOOKS: readonly { readonly value: 'cfir-2.0' | 'cfir-2009' | 'none'; readonly label: string; readonly hint: string }[] = [
  { value: 'cfir-2.0', label: 'CFIR 2.0', hint: builtinCodebook('cfir-2.0').summary },
  { value: 'cfir-2009', label: 'CFIR 2009', hint: builtinCodebook('cfir-2009').summary },
  { value: 'none', label: 'None', hint: 'Start with an empty codebook; CFIR can be added later.' },
];

/** The start screen. */
export function StartScreen() {
  const projects = useWorkspace((s) => s.projects);
  const [name, setName] = useState('');
  const identity = useWorkspace((s) => s.coderIdentity);
  // This computer's coder, when known; another name typed here becomes this computer's coder.
  const [coderName, setCoderName] = useState(identity?.name ?? '');
  const [cfir, setCfir] = useState<'cfir-2.0' | 'cfir-2009' | 'none'>('cfir-2.0');
  const [confirmingDelete, setConfirmingDelete] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const codebooks: CodebookId[] = cfir === 'none' ? [] : [cfir];
    if (name.trim()) void createProject(name, coderName, codebooks);
  };

  return (
    <main className="start">
      <header className="start-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Tessera</span>
        </div>
        <p className="start-tagline">Qualitative coding of focus groups with the CFIR, offline.</p>
      </header>

      <FirstStartCoderCard />
      <div className="start-columns">
        <section className="card" aria-labelledby="new-project-heading">
          <h2 id="new-project-heading">New project</h2>
          <form onSubmit={submit} className="form">
            <label>
              Project name
              <input
                name="project-name"
                value={name}
                onChange={(e) => setName(e.target.value)}
                placeholder="e.g. UPSIDES key informants"
                autoFocus
              />
            </label>
            <label>
              Your name (as coder)
              <input
                name="coder-name"
                value={coderName}
                onChange={(e) => setCoderName(e.target.value)}
                placeholder={identity?.name ?? 'e.g. Ada Lovelace'}
              />
            </label>
            <fieldset className="codebook-choice">
              <legend>Codebook to start with</legend>
              {START_CODEBOOKS.map((option) => (
                <label key={option.value} title={option.hint}>
                  <input type="radio" name="start-codebook" value={option.value} checked={cfir === option.value} onChange={() => setCfir(option.value)} />
                  {option.label}
                </label>
              ))}
              <p className="codebook-hint">{START_CODEBOOKS.find((o) => o.value === cfir)?.hint}</p>
            </fieldset>
            <button type="submit" className="primary" disabled={!name.trim()}>
              Create project
            </button>
          </form>
          <div className="divider">or</div>
          <button type="button" onClick={openProjectFile}>
            Open a project file (.tessera)…
          </button>
          <button type="button" onClick={importRefiProjectFile} title="A project exported from NVivo, MAXQDA, ATLAS.ti or QualCoder">
            Import REFI-QDA project (.qdpx)…
          </button>
        </section>

        <section className="card project-list-card" aria-labelledby="projects-heading">
          <h2 id="projects-heading">Projects on this computer</h2>
          {projects.length === 0 ? (
            <p className="empty">No projects yet. Create one, or open a .tessera file a colleague sent you.</p>
          ) : (
            <ul className="project-list">
              {projects.map((project) => (
                <li key={project.id} className="project-row">
                  <button type="button" className="project-open" onClick={() => void openProject(project.id)}>
                    <span className="project-name">{project.name}</span>
                    <span className="project-meta">
                      {project.documentCount} documents · {project.codeCount} codes · {project.codingCount} codings ·
                      changed {formatDateTime(project.modifiedAt)}
                    </span>
                  </button>
                  {confirmingDelete === project.id ? (
                    <span className="confirm">
                      Delete it from this computer?
                      <button type="button" className="danger" onClick={() => void deleteProject(project.id)}>
                        Delete
                      </button>
                      <button type="button" onClick={() => setConfirmingDelete(null)}>
                        Keep
                      </button>
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="quiet"
                      aria-label={`Delete ${project.name}`}
                      onClick={() => setConfirmingDelete(project.id)}
                    >
                      Delete…
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </main>
  );
}
