import type { FieldMetadata } from '@conform-to/react'
import { FieldError } from '~/components/forms'
import { SavedNow } from '~/components/document-stale'
import { useT } from '~/i18n/use-t'

type Row = FieldMetadata<{ organisation?: string; name?: string; role?: string; remove?: boolean } | undefined>
type Cell = FieldMetadata<string | undefined>

/**
 * The participants as rows of institution, name and role, in the minutes' grouped order;
 * the empty rows at the end add people. Saving gathers everyone under their institution.
 */
export function MinutesParticipantsTable({ rows, savedNow }: { rows: Row[]; savedNow: string[] | null }) {
  const t = useT()
  return (
    <fieldset className="minutes-editor__participants">
      <legend>{t('minutes.participants')}</legend>
      <p className="field__hint">{t('minutes.participantsHint')}</p>
      {savedNow ? <SavedNow label={t('minutes.stale.participantsSavedNow')}>{savedNow.join('\n') || '—'}</SavedNow> : null}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('minutes.participants')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('minutes.participant.organisation')}</th>
              <th scope="col">{t('minutes.participant.name')}</th>
              <th scope="col">{t('minutes.participant.role')}</th>
              <th scope="col">{t('minutes.participant.remove')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const fields = row.getFieldset() as unknown as Record<'organisation' | 'name' | 'role' | 'remove', Cell>
              const filled = !!(fields.name.initialValue || fields.organisation.initialValue || fields.role.initialValue)
              return (
                <tr key={row.key}>
                  {(['organisation', 'name', 'role'] as const).map((name) => (
                    <td key={name}>
                      <label htmlFor={fields[name].id} className="visually-hidden">
                        {t(`minutes.participant.${name}N`, { n: i + 1 })}
                      </label>
                      <input
                        id={fields[name].id}
                        name={fields[name].name}
                        type="text"
                        defaultValue={fields[name].initialValue}
                        aria-invalid={fields[name].errors?.length ? true : undefined}
                        aria-describedby={fields[name].errors?.length ? fields[name].errorId : undefined}
                        key={fields[name].key}
                      />
                      <FieldError meta={fields[name]} />
                    </td>
                  ))}
                  <td>
                    {filled ? (
                      <>
                        <input
                          type="checkbox"
                          id={fields.remove.id}
                          name={fields.remove.name}
                          defaultChecked={fields.remove.initialValue === 'on'}
                          key={fields.remove.key}
                        />
                        <label htmlFor={fields.remove.id} className="visually-hidden">
                          {t('minutes.participant.removeN', { n: i + 1 })}
                        </label>
                      </>
                    ) : null}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </fieldset>
  )
}
