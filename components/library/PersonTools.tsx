import { useState } from 'preact/hooks';
import type { PersonEntry } from '@/lib/people/resolve';
import { plural } from './people-list';

interface PersonToolsProps {
  entry: PersonEntry;
  onExport: () => void;
  onMerge: (name: string) => void;
  onSplit: (key: string) => void;
}

/** Export as Markdown; merge another entry into this one; split off a name it was joined with. */
export function PersonTools({ entry, onExport, onMerge, onSplit }: PersonToolsProps) {
  const [other, setOther] = useState('');
  const others = entry.members.slice(1);
  return (
    <div class="person-tools">
      <button type="button" onClick={onExport} disabled={entry.quotes === 0} data-testid="person-export">
        Export quotes (Markdown)
      </button>
      <form
        class="person-merge"
        onSubmit={(event) => {
          event.preventDefault();
          if (other.trim()) onMerge(other.trim());
          setOther('');
        }}
      >
        <label>
          Same as{' '}
          <input
            type="text"
            value={other}
            placeholder="another name"
            onInput={(event) => setOther(event.currentTarget.value)}
            data-testid="person-merge-name"
          />
        </label>
        <button type="submit" data-testid="person-merge">
          Merge
        </button>
      </form>
      {others.length > 0 && (
        <p class="person-aliases" data-testid="person-members">
          Also appears as:{' '}
          {others.map((member) => (
            <span key={member.key} class="person-member">
              {member.name} ({plural(member.articles, 'article')}){' '}
              <button
                type="button"
                onClick={() => onSplit(member.key)}
                aria-label={`Split “${member.name}” off: not the same`}
                data-testid="person-split"
              >
                Not the same
              </button>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
