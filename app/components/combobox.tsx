import { useFetcher } from '@remix-run/react'
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { translateMessage } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'
import { queryName, SEARCH_STEP, searchUrl, type PickerKind, type PickerOption, type PickerScope, type PickerSearch } from '~/utils/picker'
import { type FieldMeta, useHydrated } from './forms'

type Props = {
  meta: FieldMeta
  kind: PickerKind
  /** The meeting or team being managed: the search answers only its managers. */
  scope: PickerScope
  label: ReactNode
  hint?: ReactNode
  optional?: boolean
  /** Several values (an item's speakers) instead of one. */
  multiple?: boolean
  /** Labels of the values already chosen, by value. */
  labels: Record<string, string>
  /** The matches sent back by a search step without JavaScript, when it was this field's. */
  search?: PickerSearch | null
  /** Told the values after each choice, e.g. to load an institution's people. */
  onChange?: (values: string[]) => void
}

const DEBOUNCE_MS = 250

function initialValues(meta: FieldMeta): string[] {
  const value = meta.initialValue as unknown
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
  return list.map((v) => (v === undefined || v === null ? '' : String(v))).filter(Boolean)
}

/** The first error of the field or, for a list, of any of its values. */
function firstError(meta: FieldMeta): string | undefined {
  return Object.values((meta.allErrors ?? {}) as Record<string, string[]>).flat()[0] ?? meta.errors?.[0]
}

/**
 * A person or institution picker. With JavaScript: a combobox (the ARIA 1.2 pattern) that
 * searches as one types. Without it: a text field and „Szukaj”, which sends the form back
 * and returns it with the matches as radio buttons (or checkboxes) to choose from.
 */
export function Picker(props: Props) {
  const hydrated = useHydrated()
  return hydrated ? <Combobox key={props.meta.key} {...props} /> : <SearchThenChoose {...props} />
}

function Label({ label, optional }: { label: ReactNode; optional?: boolean }) {
  const t = useT()
  return (
    <>
      {label}
      {optional ? <span className="muted"> {t('common.optional')}</span> : null}
    </>
  )
}

function Combobox({ meta, kind, scope, label, hint, optional, multiple, labels, onChange }: Props) {
  const t = useT()
  const fetcher = useFetcher<{ options: PickerOption[] }>()
  const input = useRef<HTMLInputElement>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const [chosen, setChosen] = useState<PickerOption[]>(() => initialValues(meta).map((value) => ({ value, label: labels[value] ?? value })))
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  // The text the last search was sent for: an answer to older text is never offered.
  const [askedFor, setAskedFor] = useState('')
  useEffect(() => () => clearTimeout(timer.current), [])

  const searching = text.trim() !== ''
  const current = searching && askedFor === text && fetcher.state === 'idle'
  const options = current ? (fetcher.data?.options ?? []) : []
  const expanded = open && options.length > 0
  const listId = `${meta.id}-listbox`
  const labelId = `${meta.id}-label`
  const hintId = `${meta.id}-hint`
  const error = firstError(meta)
  const answered = current && fetcher.data
  const chosenId = `${meta.id}-chosen`

  // The active option stays in sight in a list that scrolls.
  useEffect(() => {
    if (active >= 0) document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' })
  }, [active, listId])
  const announcement = answered ? (options.length ? t('picker.count', { count: options.length }) : t('picker.none')) : ''

  function type(value: string) {
    setText(value)
    setActive(-1)
    setOpen(true)
    clearTimeout(timer.current)
    if (value.trim())
      timer.current = setTimeout(() => {
        setAskedFor(value)
        fetcher.load(searchUrl(kind, scope, value))
      }, DEBOUNCE_MS)
  }

  function update(next: PickerOption[]) {
    setChosen(next)
    onChange?.(next.map((option) => option.value))
  }

  function choose(option: PickerOption) {
    update(multiple ? [...chosen.filter((c) => c.value !== option.value), option] : [option])
    setText('')
    setOpen(false)
    setActive(-1)
  }

  function remove(value: string) {
    update(chosen.filter((c) => c.value !== value))
    input.current?.focus()
  }

  // Home and End are left to the text field, as the pattern asks of an editable combobox.
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = options.length
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (count === 0) return
      setOpen(true)
      const down = event.key === 'ArrowDown'
      setActive((index) => (!expanded || index < 0 ? (down ? 0 : count - 1) : (index + (down ? 1 : count - 1)) % count))
    } else if (event.key === 'Enter' && expanded) {
      event.preventDefault()
      if (active >= 0) choose(options[active]!)
    } else if (event.key === 'Escape' && (expanded || text)) {
      event.preventDefault()
      if (expanded) setOpen(false)
      else setText('')
      setActive(-1)
    }
  }

  return (
    <div className="field picker">
      <label htmlFor={meta.id} id={labelId}>
        <Label label={label} optional={optional} />
      </label>
      <span className="field__hint" id={hintId}>
        {hint ?? t(`picker.hint.${kind}`)}
      </span>
      {chosen.map((option) => (
        <input key={option.value} type="hidden" name={meta.name} value={option.value} />
      ))}
      {chosen.length ? (
        <ul className="picker__chosen" id={chosenId} aria-label={t('picker.chosen')}>
          {chosen.map((option) => (
            <li key={option.value}>
              <span>{option.label}</span>{' '}
              <button type="button" className="link-button" onClick={() => remove(option.value)}>
                {multiple ? t('picker.remove') : t('picker.clear')}
                <span className="visually-hidden">: {option.label}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="picker__box">
        <input
          ref={input}
          id={meta.id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          // The box is empty after a choice: what was chosen is read with it.
          aria-describedby={[hintId, chosen.length ? chosenId : null, error ? meta.errorId : null].filter(Boolean).join(' ')}
          value={text}
          onChange={(event) => type(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => setOpen(true)}
        />
        <ul role="listbox" id={listId} aria-labelledby={labelId} className="picker__list" hidden={!expanded}>
          {options.map((option, index) => (
            // The keyboard stays in the text field, which moves through the options (aria-activedescendant).
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
            <li
              key={option.value}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'picker__option picker__option--active' : 'picker__option'}
              // Keeps the focus in the text field while the mouse picks.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
            >
              {option.label}
            </li>
          ))}
        </ul>
      </div>
      <span role="status" className="visually-hidden">
        {announcement}
      </span>
      {error ? (
        <span className="field__error" id={meta.errorId}>
          {translateMessage(t, error)}
        </span>
      ) : null}
    </div>
  )
}

/** Without JavaScript: what is chosen stays checked, a search adds its matches to check. */
function SearchThenChoose({ meta, kind, label, hint, optional, multiple, labels, search }: Props) {
  const t = useT()
  const chosen = initialValues(meta)
  const mine = search?.field === meta.name ? search : null
  const found = (mine?.options ?? []).filter((option) => !chosen.includes(option.value))
  const type = multiple ? 'checkbox' : 'radio'
  const error = firstError(meta)
  const hintId = `${meta.id}-hint`
  const queryId = `${meta.id}-query`
  const choice = (option: PickerOption, checked: boolean) => (
    <div className="inline-choice" key={option.value}>
      <input id={`${meta.id}-${option.value}`} type={type} name={meta.name} value={option.value} defaultChecked={checked} />
      <label htmlFor={`${meta.id}-${option.value}`}>{option.label}</label>
    </div>
  )
  return (
    <fieldset className="picker" aria-describedby={[hintId, error ? meta.errorId : null].filter(Boolean).join(' ')}>
      <legend>
        <Label label={label} optional={optional} />
      </legend>
      <span className="field__hint" id={hintId}>
        {hint ?? t(`picker.hint.${kind}`)} {t('picker.noJsHint')}
      </span>
      {chosen.map((value) => choice({ value, label: labels[value] ?? value }, true))}
      {mine ? (
        <p>
          {mine.query.trim() === ''
            ? t('picker.typeSomething')
            : found.length
              ? t('picker.found', { query: mine.query, count: found.length })
              : t('picker.notFound', { query: mine.query })}
        </p>
      ) : null}
      {found.map((option) => choice(option, false))}
      {!multiple && optional && (chosen.length || found.length) ? choice({ value: '', label: t('picker.nobody') }, false) : null}
      <div className="row">
        <div className="field">
          <label htmlFor={queryId}>{t(`picker.search.${kind}`)}</label>
          <input id={queryId} type="search" name={queryName(meta.name)} defaultValue={mine?.query ?? ''} />
        </div>
        <button type="submit" name={SEARCH_STEP} value={meta.name} className="button--secondary" formNoValidate>
          {t('common.search')}
          <span className="visually-hidden">
            : <Label label={label} />
          </span>
        </button>
      </div>
      {error ? (
        <span className="field__error" id={meta.errorId}>
          {translateMessage(t, error)}
        </span>
      ) : null}
    </fieldset>
  )
}
