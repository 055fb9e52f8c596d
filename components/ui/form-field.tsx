/** The look of a text input or select in Dozen's forms; `aria-invalid` turns its border red. */
export const FIELD_CLASS =
  "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm aria-invalid:border-red-700 dark:border-slate-700 dark:bg-slate-900";

/** One labelled field with its hint or its error, announced with it (the input names `${id}-hint` in aria-describedby). */
export function FormField(props: { id: string; label: string; hint: string; error?: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={props.id} className="block text-sm font-medium">
        {props.label}
      </label>
      {props.children}
      <p
        id={`${props.id}-hint`}
        className={`text-xs ${props.error ? "text-red-800 dark:text-red-300" : "text-slate-600 dark:text-slate-300"}`}
      >
        {props.error ?? props.hint}
      </p>
    </div>
  );
}
