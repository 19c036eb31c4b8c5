import { useEffect, useState } from 'react'
import { useLang, useT } from '~/i18n/use-t'
import { formatDateTime } from '~/utils/format'

type StoredDraft = { entries: FormEntries; at: string }

export type FormEntries = [string, string][]

function formEntries(form: HTMLFormElement): [string, string][] {
  return [...new FormData(form).entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string')
}

function readDraft(key: string): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(key)
    return raw ? (JSON.parse(raw) as StoredDraft) : null
  } catch {
    return null
  }
}

function writeDraft(key: string, draft: StoredDraft | null) {
  try {
    if (draft) window.localStorage.setItem(key, JSON.stringify(draft))
    else window.localStorage.removeItem(key)
  } catch {
    // Storage full or forbidden (private mode): the server's own safeguards remain.
  }
}

/**
 * Keeps what the officer types in this browser (localStorage under `storageKey`, one per
 * document) until it is saved, and offers it back when the editor opens with a different saved
 * text — after a crash, a closed tab or a lost connection. `keyOf` (a module-level function) reduces a form's entries to
 * what is saved, and `savedKey` is the saved text so reduced: a draft equal to it has been
 * saved and is forgotten. `found` and `restored` say it in the kind's words.
 */
export function DocumentAutosave({
  storageKey: key,
  formId,
  savedKey,
  keyOf,
  found,
  restoredText,
}: {
  storageKey: string
  formId: string
  savedKey: string
  keyOf: (entries: FormEntries) => string
  found: (when: string) => string
  restoredText: string
}) {
  const t = useT()
  const lang = useLang()
  const [offer, setOffer] = useState<StoredDraft | null>(null)
  const [restored, setRestored] = useState(false)

  useEffect(() => {
    const form = document.getElementById(formId)
    if (!(form instanceof HTMLFormElement)) return
    const stored = readDraft(key)
    if (stored) {
      const storedKey = keyOf(stored.entries)
      if (storedKey === savedKey) writeDraft(key, null)
      else if (storedKey !== keyOf(formEntries(form))) setOffer(stored)
    }
    const keep = () => {
      const entries = formEntries(form)
      writeDraft(key, keyOf(entries) === savedKey ? null : { entries, at: new Date().toISOString() })
    }
    form.addEventListener('input', keep)
    return () => form.removeEventListener('input', keep)
  }, [formId, key, savedKey, keyOf])

  function restore() {
    const form = document.getElementById(formId)
    if (!(form instanceof HTMLFormElement) || !offer) return
    // A checkbox is ticked when the draft holds its name with its value (a group shares a name).
    const ticked = new Set(offer.entries.map(([name, value]) => JSON.stringify([name, value])))
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
      box.checked = ticked.has(JSON.stringify([box.name, box.value]))
    for (const [name, value] of offer.entries) {
      const control = form.elements.namedItem(name)
      // Hidden fields too: the draft's revision makes a save over newer work stale (409), never silent.
      if ((control instanceof HTMLInputElement && control.type !== 'checkbox') || control instanceof HTMLTextAreaElement)
        control.value = value
    }
    writeDraft(key, { entries: formEntries(form), at: offer.at })
    setOffer(null)
    setRestored(true)
  }

  function discard() {
    writeDraft(key, null)
    setOffer(null)
  }

  return (
    <div role="status" className="minutes-autosave">
      {offer ? (
        <div className="notice notice--info">
          <p>{found(formatDateTime(offer.at, lang))}</p>
          <div className="actions">
            <button type="button" onClick={restore}>
              {t('document.draft.restore')}
            </button>
            <button type="button" className="button--secondary" onClick={discard}>
              {t('document.draft.discard')}
            </button>
          </div>
        </div>
      ) : null}
      {restored ? <p className="notice notice--success">{restoredText}</p> : null}
    </div>
  )
}
