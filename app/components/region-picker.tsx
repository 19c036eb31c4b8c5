import { useFetcher } from '@remix-run/react'
import { useState } from 'react'
import { translateMessage } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'
import type { loader as optionsLoader } from '~/routes/regions.options'
import { type FieldMeta, useHydrated } from './forms'

export type RegionChoices = {
  voivodeships: { code: string; name: string }[]
  counties: { code: string; name: string; kind: string }[]
  municipalities: { code: string; name: string; kind: string }[]
  voivodeship: string | null
  county: string | null
}

type Meta = FieldMeta

/**
 * Voivodeship → county → municipality. With JavaScript the next list loads as soon as a
 * level is chosen; without it, the buttons beside each list send the form back (with
 * `intent=region`, which saves nothing) and the page returns with the next list filled.
 */
export function RegionPicker({
  choices,
  municipality,
  municipalityCode,
}: {
  choices: RegionChoices
  municipality: Meta
  municipalityCode?: string | null
}) {
  const t = useT()
  const hydrated = useHydrated()
  const fetcher = useFetcher<typeof optionsLoader>()
  const [voivodeship, setVoivodeship] = useState(choices.voivodeship ?? '')
  const [county, setCounty] = useState(choices.county ?? '')
  const current = fetcher.data ?? choices
  const error = municipality.errors?.[0]

  function load(next: { voivodeship: string; county: string }) {
    setVoivodeship(next.voivodeship)
    setCounty(next.county)
    fetcher.load(`/regions/options?${new URLSearchParams(next)}`)
  }

  return (
    <fieldset>
      <legend>{t('org.region')}</legend>
      {hydrated ? null : <p className="field__hint">{t('region.noJsHint')}</p>}
      <div className="row">
        <div className="field">
          <label htmlFor="region-voivodeship">{t('region.voivodeship')}</label>
          <select
            id="region-voivodeship"
            name="voivodeship"
            value={voivodeship}
            onChange={(e) => load({ voivodeship: e.target.value, county: '' })}
          >
            <option value="">{t('region.chooseVoivodeship')}</option>
            {current.voivodeships.map((v) => (
              <option key={v.code} value={v.code}>
                {v.name}
              </option>
            ))}
          </select>
        </div>
        {hydrated ? null : (
          <button type="submit" name="intent" value="region" className="button--secondary" formNoValidate>
            {t('region.showCounties')}
          </button>
        )}
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor="region-county">{t('region.county')}</label>
          <select
            id="region-county"
            name="county"
            value={county}
            onChange={(e) => load({ voivodeship, county: e.target.value })}
            disabled={current.counties.length === 0}
          >
            <option value="">{t('region.chooseCounty')}</option>
            {current.counties.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.kind})
              </option>
            ))}
          </select>
        </div>
        {hydrated ? null : (
          <button type="submit" name="intent" value="region" className="button--secondary" formNoValidate>
            {t('region.showMunicipalities')}
          </button>
        )}
      </div>
      <div className="field">
        <label htmlFor={municipality.id}>{t('region.municipality')}</label>
        <select
          id={municipality.id}
          name={municipality.name}
          key={`${county}-${municipality.key ?? ''}`}
          defaultValue={municipalityCode ?? ''}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? municipality.errorId : undefined}
          disabled={current.municipalities.length === 0}
        >
          <option value="">{t('region.chooseMunicipality')}</option>
          {current.municipalities.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name} ({m.kind})
            </option>
          ))}
        </select>
        {error ? (
          <span className="field__error" id={municipality.errorId}>
            {translateMessage(t, error)}
          </span>
        ) : null}
      </div>
    </fieldset>
  )
}
