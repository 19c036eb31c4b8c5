import { DocumentAutosave, type FormEntries } from '~/components/document-autosave'
import { useT } from '~/i18n/use-t'
import { recommendationDraftKey, valuesFromEntries } from '~/utils/recommendation-editor'

const recommendationKeyOf = (entries: FormEntries) => recommendationDraftKey(valuesFromEntries(entries))

/**
 * The recommendation editor's text kept in this browser per document until saved (see
 * DocumentAutosave). A draft is restored into the parts the form has: chapters added and
 * never saved are added again with the structure buttons.
 */
export function RecommendationAutosave({ recId, formId, savedKey }: { recId: number; formId: string; savedKey: string }) {
  const t = useT()
  return (
    <DocumentAutosave
      storageKey={`narada:recommendation-draft:${recId}`}
      formId={formId}
      savedKey={savedKey}
      keyOf={recommendationKeyOf}
      found={(when) => t('recommendationEditor.draft.found', { when })}
      restoredText={t('recommendationEditor.draft.restored')}
    />
  )
}
