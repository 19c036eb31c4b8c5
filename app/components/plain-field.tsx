import { translateMessage } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'

/**
 * A labelled text control for forms validated on the server alone (no conform): its hint and
 * its error (an i18n key) tied to it by id, the value typed kept as its default.
 */
export function PlainField({
  id,
  name,
  label,
  hint,
  type = 'text',
  multiline = false,
  rows = 3,
  maxLength,
  defaultValue,
  error,
}: {
  id: string
  name: string
  label: string
  hint?: string
  type?: string
  multiline?: boolean
  rows?: number
  maxLength?: number
  defaultValue: string
  error?: string | null
}) {
  const t = useT()
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  const props = { id, name, defaultValue, maxLength, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {multiline ? <textarea rows={rows} {...props} /> : <input type={type} {...props} />}
      {error ? (
        <span className="field__error" id={`${id}-error`}>
          {translateMessage(t, error)}
        </span>
      ) : null}
    </div>
  )
}
