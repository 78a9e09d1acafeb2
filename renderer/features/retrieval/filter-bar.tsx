/**
 * The filters retrieval and search share: site, phase, document kind, speaker role or attribute, and coder (for
 * coded segments, who coded them; for search hits, who coded the passages they are in). One choice per filter,
 * "any" by default.
 */
import { useMemo } from 'react';
import type { DocumentKind, SpeakerRole } from '#shared/model/types';
import { isEmptyFilter, NO_FILTER, speakerAttributeOptions, type SegmentFilter } from '#shared/coding/segment-filter';
import { useWorkspace } from '../../state/workspace-store.ts';

const KINDS: readonly { value: DocumentKind; label: string }[] = [
  { value: 'transcript', label: 'Transcripts' },
  { value: 'field-notes', label: 'Field notes' },
];

const ROLES: readonly { value: SpeakerRole; label: string }[] = [
  { value: 'participant', label: 'Participants' },
  { value: 'moderator', label: 'Moderators' },
  { value: 'assistant', label: 'Assistants' },
  { value: 'unknown', label: 'Unknown speakers' },
];

interface FilterBarProps {
  readonly filter: SegmentFilter;
  readonly onChange: (filter: SegmentFilter) => void;
  /** What the coder filter keeps: segments a coder coded, or search hits in passages a coder coded. */
  readonly coderKeeps: 'codings' | 'hits in coded passages';
}

/** A separator unlikely in attribute keys and values, to carry both in one select value. */
const PAIR = '\u241f';

/** The filter bar. */
export function FilterBar({ filter, onChange, coderKeeps }: FilterBarProps) {
  const sites = useWorkspace((s) => s.snapshot?.sites);
  const phases = useWorkspace((s) => s.snapshot?.phases);
  const coders = useWorkspace((s) => s.snapshot?.coders);
  const documents = useWorkspace((s) => s.snapshot?.documents);
  const attributes = useMemo(() => speakerAttributeOptions(documents ?? []), [documents]);
  const set = (patch: Partial<SegmentFilter>) => onChange({ ...filter, ...patch });
  const one = <T extends string>(value: string): T[] => (value ? [value as T] : []);

  return (
    <div className="filter-bar" role="group" aria-label="Filters">
      {sites && sites.length > 0 && (
        <select aria-label="Site" value={filter.siteIds[0] ?? ''} onChange={(e) => set({ siteIds: one(e.target.value) })}>
          <option value="">Any site</option>
          {sites.map((site) => (
            <option key={site.id} value={site.id}>
              {site.code} · {site.name}
            </option>
          ))}
        </select>
      )}
      {phases && phases.length > 0 && (
        <select aria-label="Phase" value={filter.phaseIds[0] ?? ''} onChange={(e) => set({ phaseIds: one(e.target.value) })}>
          <option value="">Any phase</option>
          {[...phases]
            .sort((a, b) => a.order - b.order)
            .map((phase) => (
              <option key={phase.id} value={phase.id}>
                {phase.name}
              </option>
            ))}
        </select>
      )}
      <select aria-label="Document kind" value={filter.kinds[0] ?? ''} onChange={(e) => set({ kinds: one<DocumentKind>(e.target.value) })}>
        <option value="">Any document</option>
        {KINDS.map((kind) => (
          <option key={kind.value} value={kind.value}>
            {kind.label}
          </option>
        ))}
      </select>
      <select aria-label="Speaker role" value={filter.speakerRoles[0] ?? ''} onChange={(e) => set({ speakerRoles: one<SpeakerRole>(e.target.value) })}>
        <option value="">Any speaker</option>
        {ROLES.map((role) => (
          <option key={role.value} value={role.value}>
            {role.label}
          </option>
        ))}
      </select>
      {attributes.size > 0 && (
        <select
          aria-label="Speaker attribute"
          value={filter.speakerAttribute ? `${filter.speakerAttribute.key}${PAIR}${filter.speakerAttribute.value}` : ''}
          onChange={(e) => {
            const [key, value] = e.target.value.split(PAIR);
            set({ speakerAttribute: key && value !== undefined ? { key, value } : null });
          }}
        >
          <option value="">Any attribute</option>
          {[...attributes].map(([key, values]) => (
            <optgroup key={key} label={key}>
              {values.map((value) => (
                <option key={value} value={`${key}${PAIR}${value}`}>
                  {key}: {value}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      )}
      {coders && coders.length > 1 && (
        <select
          aria-label={coderKeeps === 'codings' ? 'Coder' : 'Coded by'}
          value={filter.coderIds[0] ?? ''}
          onChange={(e) => set({ coderIds: one(e.target.value) })}
        >
          <option value="">{coderKeeps === 'codings' ? 'Any coder' : 'Coded or not'}</option>
          {coders.map((coder) => (
            <option key={coder.id} value={coder.id}>
              {/* The initials first, so that the narrow select still shows whose passages are searched. */}
              {coderKeeps === 'codings' ? `${coder.name} (${coder.initials})` : `Coded by ${coder.initials} · ${coder.name}`}
            </option>
          ))}
        </select>
      )}
      {!isEmptyFilter(filter) && (
        <button type="button" className="small quiet" onClick={() => onChange(NO_FILTER)}>
          Clear filters
        </button>
      )}
    </div>
  );
}
