import type { FieldMetadata } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useEffect, useState, type ReactNode } from 'react'
import { translateMessage } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'

/** Any form's field, as conform hands it to a control: the form's own types do not matter here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FieldMeta = FieldMetadata<any, any, any>
type Meta = FieldMeta

/** The ids and ARIA attributes that tie a control to its label, hint and error. */
function useControlProps(meta: Meta, hint?: ReactNode) {
  const invalid = !!meta.errors?.length
  const describedBy = [hint ? `${meta.id}-hint` : null, invalid ? meta.errorId : null].filter(Boolean).join(' ')
  return {
    id: meta.id,
    name: meta.name,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy || undefined,
  }
}

/** The first error of a field, in the reader's language, tied to the control by its id. */
export function FieldError({ meta }: { meta: Meta }) {
  const t = useT()
  const error = meta.errors?.[0]
  return error ? (
    <span className="field__error" id={meta.errorId}>
      {translateMessage(t, error)}
    </span>
  ) : null
}

function FieldHint({ meta, hint }: { meta: Meta; hint?: ReactNode }) {
  return hint ? (
    <span className="field__hint" id={`${meta.id}-hint`}>
      {hint}
    </span>
  ) : null
}

function FieldShell({
  meta,
  label,
  hint,
  optional,
  children,
}: {
  meta: Meta
  label: ReactNode
  hint?: ReactNode
  optional?: boolean
  children: ReactNode
}) {
  const t = useT()
  return (
    <div className="field">
      <label htmlFor={meta.id}>
        {label}
        {optional ? <span className="muted"> {t('common.optional')}</span> : null}
      </label>
      <FieldHint meta={meta} hint={hint} />
      {children}
      <FieldError meta={meta} />
    </div>
  )
}

type TextFieldProps = {
  meta: Meta
  label: ReactNode
  hint?: ReactNode
  optional?: boolean
  type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'search' | 'date' | 'time' | 'datetime-local' | 'number'
  autoComplete?: string
  inputMode?: 'text' | 'email' | 'tel' | 'url' | 'numeric'
  min?: number
  max?: number
}

export function TextField({ meta, label, hint, optional, type = 'text', autoComplete, inputMode, min, max }: TextFieldProps) {
  const props = useControlProps(meta, hint)
  return (
    <FieldShell meta={meta} label={label} hint={hint} optional={optional}>
      <input
        {...props}
        type={type}
        min={min}
        max={max}
        defaultValue={type === 'password' ? undefined : (meta.initialValue as string | undefined)}
        autoComplete={autoComplete}
        inputMode={inputMode ?? (type === 'number' ? 'numeric' : undefined)}
        required={!optional}
        aria-required={!optional || undefined}
        key={meta.key}
      />
    </FieldShell>
  )
}

/** A longer text, e.g. a team's mandate or a meeting's purpose. */
export function TextAreaField({
  meta,
  label,
  hint,
  optional,
  rows = 5,
}: {
  meta: Meta
  label: ReactNode
  hint?: ReactNode
  optional?: boolean
  rows?: number
}) {
  const props = useControlProps(meta, hint)
  return (
    <FieldShell meta={meta} label={label} hint={hint} optional={optional}>
      <textarea
        {...props}
        rows={rows}
        defaultValue={meta.initialValue as string | undefined}
        required={!optional}
        aria-required={!optional || undefined}
        key={meta.key}
      />
    </FieldShell>
  )
}

/** A yes/no choice: the box before its label, as users expect. */
export function CheckboxField({ meta, label, hint }: { meta: Meta; label: ReactNode; hint?: ReactNode }) {
  const { id, name, 'aria-describedby': describedBy } = useControlProps(meta, hint)
  const checked = meta.initialValue === 'on' || meta.initialValue === 'true' || (meta.initialValue as unknown) === true
  return (
    <div className="field">
      <div className="inline-choice">
        <input id={id} name={name} type="checkbox" defaultChecked={checked} aria-describedby={describedBy} key={meta.key} />
        <label htmlFor={id}>{label}</label>
      </div>
      <FieldHint meta={meta} hint={hint} />
      <FieldError meta={meta} />
    </div>
  )
}

export type Option = { value: string; label: string }

export function SelectField({
  meta,
  label,
  hint,
  optional,
  options,
  placeholder,
}: {
  meta: Meta
  label: ReactNode
  hint?: ReactNode
  optional?: boolean
  options: Option[]
  placeholder: string
}) {
  const props = useControlProps(meta, hint)
  return (
    <FieldShell meta={meta} label={label} hint={hint} optional={optional}>
      <select {...props} defaultValue={(meta.initialValue as string | undefined) ?? ''} required={!optional} key={meta.key}>
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  )
}

/** A summary at the top of a form that came back with errors, read out once. */
export function FormErrors({ errors, show }: { errors?: string[]; show: boolean }) {
  const t = useT()
  if (!show && !errors?.length) return null
  return (
    <div className="notice notice--error" role="alert">
      {errors?.length ? errors.map((error) => <p key={error}>{translateMessage(t, error)}</p>) : <p>{t('common.formHasErrors')}</p>}
    </div>
  )
}

/** True once React runs in the browser: controls needed only without JavaScript can hide. */
export function useHydrated() {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}

/**
 * A one-button POST form acting on one row of a list („Usuń”, „Archiwizuj”): the action's
 * `intent`, the row's hidden fields, and a label that names its row for screen readers.
 */
export function RowActionForm({
  intent,
  fields,
  label,
  subject,
}: {
  intent: string
  fields: Record<string, string | number>
  label: string
  subject: string
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="link-button">
        {label}
        <span className="visually-hidden">: {subject}</span>
      </button>
    </Form>
  )
}
