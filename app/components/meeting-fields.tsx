import type { FieldMetadata } from '@conform-to/react'
import type { ReactNode } from 'react'
import { translateMessage } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'

// Controls that app/components/forms.tsx does not have (date and time, number, a
// checkbox), drawn the same way: a label, an optional hint, the error tied by ARIA.

type Meta = FieldMetadata<any, any, any>

function describedBy(meta: Meta, hint?: ReactNode) {
  const ids = [hint ? `${meta.id}-hint` : null, meta.errors?.length ? meta.errorId : null].filter(Boolean).join(' ')
  return ids || undefined
}

export function FieldError({ meta }: { meta: Meta }) {
  const t = useT()
  const error = meta.errors?.[0]
  return error ? (
    <span className="field__error" id={meta.errorId}>
      {translateMessage(t, error)}
    </span>
  ) : null
}

function Shell({ meta, label, hint, optional, children }: { meta: Meta; label: ReactNode; hint?: ReactNode; optional?: boolean; children: ReactNode }) {
  const t = useT()
  return (
    <div className="field">
      <label htmlFor={meta.id}>
        {label}
        {optional ? <span className="muted"> {t('common.optional')}</span> : null}
      </label>
      {hint ? (
        <span className="field__hint" id={`${meta.id}-hint`}>
          {hint}
        </span>
      ) : null}
      {children}
      <FieldError meta={meta} />
    </div>
  )
}

type InputProps = {
  meta: Meta
  label: ReactNode
  hint?: ReactNode
  optional?: boolean
  type: 'datetime-local' | 'time' | 'number' | 'text'
  min?: number
  max?: number
}

export function InputField({ meta, label, hint, optional, type, min, max }: InputProps) {
  return (
    <Shell meta={meta} label={label} hint={hint} optional={optional}>
      <input
        id={meta.id}
        name={meta.name}
        type={type}
        min={min}
        max={max}
        inputMode={type === 'number' ? 'numeric' : undefined}
        defaultValue={meta.initialValue as string | undefined}
        required={!optional}
        aria-required={!optional || undefined}
        aria-invalid={meta.errors?.length ? true : undefined}
        aria-describedby={describedBy(meta, hint)}
        key={meta.key}
      />
    </Shell>
  )
}

export function CheckboxField({ meta, label, hint }: { meta: Meta; label: ReactNode; hint?: ReactNode }) {
  const checked = meta.initialValue === 'on' || meta.initialValue === 'true' || (meta.initialValue as unknown) === true
  return (
    <div className="field">
      <div className="inline-choice">
        <input id={meta.id} name={meta.name} type="checkbox" defaultChecked={checked} aria-describedby={describedBy(meta, hint)} key={meta.key} />
        <label htmlFor={meta.id}>{label}</label>
      </div>
      {hint ? (
        <span className="field__hint" id={`${meta.id}-hint`}>
          {hint}
        </span>
      ) : null}
      <FieldError meta={meta} />
    </div>
  )
}
