/** A failed action's message next to the control that failed; announced as it appears. */
export function InlineError({ message }: { message: string | null }) {
  return (
    <p role="alert" className="text-sm font-semibold text-danger empty:hidden">
      {message}
    </p>
  );
}
