/**
 * The start screen: create a project, open a project file, or pick one of the projects on this computer.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { createProject, deleteProject, openProject, openProjectFile, useWorkspace } from '../../state/workspace-store.ts';
import { formatDateTime } from '../../app/format.ts';

/** The start screen. */
export function StartScreen() {
  const projects = useWorkspace((s) => s.projects);
  const [name, setName] = useState('');
  const [coderName, setCoderName] = useState('');
  const [confirmingDelete, setConfirmingDelete] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) void createProject(name, coderName);
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
                placeholder="e.g. Ada Lovelace"
              />
            </label>
            <button type="submit" className="primary" disabled={!name.trim()}>
              Create project
            </button>
          </form>
          <div className="divider">or</div>
          <button type="button" onClick={openProjectFile}>
            Open a project file (.tessera)…
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
