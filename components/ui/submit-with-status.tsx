/**
 * A form's submit button and, beside it, what the last submit answered (announced as a status, red when it
 * was refused): the ending of every small settings and ownership form.
 */
export function SubmitWithStatus(props: {
  text: string;
  busyText: string;
  pending: boolean;
  disabled?: boolean;
  state: { message: string; error?: boolean };
  className?: string;
}) {
  return (
    <>
      <button
        type="submit"
        disabled={props.pending || props.disabled}
        className={props.className ?? "rounded bg-slate-700 px-3 py-1 text-sm text-white hover:bg-slate-800 disabled:opacity-60"}
      >
        {props.pending ? props.busyText : props.text}
      </button>
      <span role="status" className={props.state.error ? "text-red-800 dark:text-red-300" : "text-slate-700 dark:text-slate-300"}>
        {props.state.message}
      </span>
    </>
  );
}
