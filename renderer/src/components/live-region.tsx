/**
 * A visually hidden polite live region. Outcomes that happen away from the focus (a dialog closing
 * after a project was added) are read out by screen readers through it.
 */
export function LiveRegion({ message }: { message: string }) {
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {message}
    </div>
  );
}
