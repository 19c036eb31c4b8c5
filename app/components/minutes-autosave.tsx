import { DocumentAutosave, type FormEntries } from '~/components/document-autosave'
import { useT } from '~/i18n/use-t'
import { draftFromEntries, draftKey } from '~/utils/minutes-draft'

const minutesKeyOf = (entries: FormEntries) => draftKey(draftFromEntries(entries))

/** The minutes editor's text kept in this browser per meeting until saved (see DocumentAutosave). */
export function MinutesAutosave({ meetingId, formId, savedKey }: { meetingId: number; formId: string; savedKey: string }) {
  const t = useT()
  return (
    <DocumentAutosave
      storageKey={`narada:minutes-draft:${meetingId}`}
      formId={formId}
      savedKey={savedKey}
      keyOf={minutesKeyOf}
      found={(when) => t('minutes.draft.found', { when })}
      restoredText={t('minutes.draft.restored')}
    />
  )
}
