import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Breadcrumbs } from '~/components/breadcrumbs'
import { Link, useLoaderData } from '@remix-run/react'
import { requirePermission } from '~/auth/require.server'
import { pageTitle } from '~/i18n/page-title'
import { countKey } from '~/i18n/plural'
import { useLang, useT } from '~/i18n/use-t'
import { countRegister, getRegionChoices, type RegionOption } from '~/models/region.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'title.regions')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'register.read')
  const url = new URL(request.url)
  const choices = getRegionChoices({ voivodeship: url.searchParams.get('voivodeship'), county: url.searchParams.get('county') })
  return json({ choices, counts: countRegister() })
}

export default function Regions() {
  const t = useT()
  const lang = useLang()
  const { choices, counts } = useLoaderData<typeof loader>()
  const count = (prefix: 'region.voivodeshipCount' | 'region.countyCount' | 'region.municipalityCount', n: number) =>
    t(countKey(lang, prefix, n), { count: n })
  const voivodeship = choices.voivodeships.find((v) => v.code === choices.voivodeship)
  const county = choices.counties.find((c) => c.code === choices.county)
  return (
    <>
      <h1>{t('region.title')}</h1>
      <p>{t('region.lead')}</p>
      <p className="muted">
        {t('region.counts', {
          voivodeships: count('region.voivodeshipCount', counts.voivodeships),
          counties: count('region.countyCount', counts.counties),
          municipalities: count('region.municipalityCount', counts.municipalities),
        })}
      </p>
      <Breadcrumbs
        label={t('region.title')}
        items={[
          { to: '/regions', label: t('region.anyVoivodeship') },
          voivodeship ? { to: `/regions?voivodeship=${voivodeship.code}`, label: voivodeship.name } : null,
          county ? { label: county.name, current: true } : null,
        ]}
      />
      {county ? (
        <RegionTable caption={`${t('region.municipality')}: ${county.name}`} rows={choices.municipalities} />
      ) : voivodeship ? (
        <RegionTable
          caption={`${t('region.county')}: ${voivodeship.name}`}
          rows={choices.counties}
          link={(c) => `/regions?voivodeship=${voivodeship.code}&county=${c}`}
        />
      ) : (
        <RegionTable caption={t('region.voivodeship')} rows={choices.voivodeships} link={(v) => `/regions?voivodeship=${v}`} />
      )}
    </>
  )
}

function RegionTable({ caption, rows, link }: { caption: string; rows: RegionOption[]; link?: (code: string) => string }) {
  const t = useT()
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('region.code')}</th>
            <th scope="col">{t('region.name')}</th>
            <th scope="col">{t('region.kind')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code}>
              <td>{row.code}</td>
              <th scope="row">{link ? <Link to={link(row.code)}>{row.name}</Link> : row.name}</th>
              <td>{row.kind}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
