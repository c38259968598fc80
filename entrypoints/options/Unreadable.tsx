/**
 * What Backstory could not read from storage, said once at the top of the page: it is left out
 * (or back to its default) and everything else works. For facts, a copy of everything as it was is
 * kept until the reader removes what could not be read, so nothing is lost unless they say so.
 */
export interface UnreadableProps {
  problems: string[];
  /** Set when facts could not be read: whether a copy was kept, and what the reader can do. */
  copy?: { kept: boolean; onDownload(): void; onDiscard(): void };
}

export function Unreadable({ problems, copy }: UnreadableProps) {
  if (problems.length === 0) return null;
  return (
    <section class="unreadable" role="alert" aria-labelledby="unreadable-heading">
      <h2 id="unreadable-heading">Some of what Backstory stored could not be read</h2>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>
            <bdi>{problem}</bdi>
          </li>
        ))}
      </ul>
      {copy && (
        <>
          <p>
            {copy.kept
              ? 'Everything else works. What could not be read is left out, and a copy of everything as it was is kept.'
              : 'Everything else works. What could not be read is left out: download it now, because changes made here will not keep it.'}
          </p>
          <div class="actions">
            <button type="button" onClick={copy.onDownload}>
              Download {copy.kept ? 'the copy' : 'it'}
            </button>
            <button type="button" onClick={copy.onDiscard}>
              Remove what could not be read
            </button>
          </div>
        </>
      )}
    </section>
  );
}
