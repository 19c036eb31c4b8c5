import { useForm } from '@conform-to/react'
import { organisationKinds } from '#db/schema/enums'
import { useT } from '~/i18n/use-t'
import type { OrganisationFilter } from '~/schemas/directory'
import type { PickerState } from '~/utils/picker'
import { Picker } from './combobox'

/**
 * The fields of a search of the directory, inside a GET form: the text, the kinds as
 * checkboxes, and the places by a picker (counties, and municipalities where `municipalities`).
 * Without JavaScript a picker's „Szukaj” sends the form back with `search=county`.
 */
export function OrganisationFilterFields({
  id,
  filter,
  picker,
  municipalities = false,
}: {
  /** Tells the fields of two such searches on one page apart. */
  id: string
  filter: OrganisationFilter
  picker: PickerState
  municipalities?: boolean
}) {
  const t = useT()
  const [, fields] = useForm({ id, defaultValue: { county: filter.county, municipality: filter.municipality } })
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('org.searchLabel')}</label>
        <input id={`${id}-q`} type="search" name="q" defaultValue={filter.q ?? ''} />
      </div>
      <fieldset className="choice-grid">
        <legend>{t('directory.kinds')}</legend>
        {organisationKinds.map((kind) => (
          <div className="inline-choice" key={kind}>
            <input id={`${id}-kind-${kind}`} type="checkbox" name="kind" value={kind} defaultChecked={filter.kind?.includes(kind)} />
            <label htmlFor={`${id}-kind-${kind}`}>{t(`kind.${kind}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="row">
        <Picker
          meta={fields.county}
          kind="counties"
          scope={{ directory: 1 }}
          label={t('directory.counties')}
          hint={municipalities ? `${t('picker.hint.counties')} ${t('directory.placesHint')}` : undefined}
          optional
          multiple
          labels={picker.labels}
          search={picker.search}
        />
        {municipalities ? (
          <Picker
            meta={fields.municipality}
            kind="municipalities"
            scope={{ directory: 1 }}
            label={t('directory.municipalities')}
            optional
            multiple
            labels={picker.labels}
            search={picker.search}
          />
        ) : null}
      </div>
    </>
  )
}
