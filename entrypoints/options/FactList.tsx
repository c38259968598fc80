/**
 * Everything Backstory knows, searchable and filtered by where it comes from, a page at a time so
 * the DOM stays small with thousands of facts. The reader's own rows can be edited and deleted;
 * any other entity or claim can get the reader's note.
 */
import { useMemo, useState } from 'preact/hooks';
import { type FactRow, filterRows, type RowFilter } from '@/lib/pages/facts/rows';

/** How many rows are shown at first and added by each "Show more". */
export const PAGE_SIZE = 50;

export interface FactListProps {
  rows: FactRow[];
  packs: { id: string; name: string }[];
  onEdit(row: FactRow): void;
  onDelete(row: FactRow): void;
  onNote(row: FactRow): void;
}

/** The search box, the filter, and the matching rows with their actions. */
export function FactList({ rows, packs, onEdit, onDelete, onNote }: FactListProps) {
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<RowFilter>('all');
  const [shown, setShown] = useState(PAGE_SIZE);
  const found = useMemo(() => filterRows(rows, query, filter), [rows, query, filter]);
  const visible = found.slice(0, shown);
  const narrow = (apply: () => void) => {
    apply();
    setShown(PAGE_SIZE);
  };
  return (
    <>
      <search class="list-tools">
        <div class="field">
          <label for="fact-search">Search</label>
          <input
            id="fact-search"
            type="search"
            value={query}
            onInput={(e) => narrow(() => setQuery(e.currentTarget.value))}
          />
        </div>
        <div class="field">
          <label for="fact-filter">Show</label>
          <select
            id="fact-filter"
            value={filter}
            onChange={(e) => narrow(() => setFilter(e.currentTarget.value as RowFilter))}
          >
            <option value="all">Everything</option>
            <option value="yours">Yours</option>
            <option value="bundled">Bundled with Backstory</option>
            {packs.map((pack) => (
              <option key={pack.id} value={`pack:${pack.id}`}>
                From “{pack.name}”
              </option>
            ))}
          </select>
        </div>
      </search>
      <p class="list-count" role="status">
        {describeCount(found.length, rows.length, visible.length)}
      </p>
      {visible.length > 0 && (
        <ul class="fact-list">
          {visible.map((row) => (
            <Row key={row.key} row={row} onEdit={onEdit} onDelete={onDelete} onNote={onNote} />
          ))}
        </ul>
      )}
      {visible.length < found.length && (
        <button type="button" onClick={() => setShown(shown + PAGE_SIZE)}>
          Show {Math.min(PAGE_SIZE, found.length - visible.length)} more
        </button>
      )}
    </>
  );
}

/** "12 of 5,038 facts match, showing the first 12". */
export function describeCount(matching: number, total: number, shown: number): string {
  const count = (n: number) => n.toLocaleString('en-US');
  if (total === 0) return 'No facts yet.';
  const facts = total === 1 ? '1 fact' : `${count(total)} facts`;
  const head = matching === total ? facts : `${count(matching)} of ${facts} match`;
  return shown < matching ? `${head}, showing the first ${count(shown)}` : head;
}

function Row(props: { row: FactRow } & Omit<FactListProps, 'rows' | 'packs'>) {
  const { row } = props;
  const name = row.title.length > 60 ? `${row.title.slice(0, 60)}…` : row.title;
  return (
    <li>
      <div>
        <span class="name">
          <bdi>{row.title}</bdi>
        </span>
        <span class="detail">
          <bdi>{row.detail}</bdi> · {row.from}
        </span>
      </div>
      {row.origin.kind === 'yours' ? (
        <>
          <button type="button" aria-label={`Edit “${name}”`} onClick={() => props.onEdit(row)}>
            Edit
          </button>
          <button type="button" aria-label={`Delete “${name}”`} onClick={() => props.onDelete(row)}>
            Delete
          </button>
        </>
      ) : (
        row.list !== 'notes' && (
          <button
            type="button"
            aria-label={`Add a note on “${name}”`}
            onClick={() => props.onNote(row)}
          >
            Add a note
          </button>
        )
      )}
    </li>
  );
}
