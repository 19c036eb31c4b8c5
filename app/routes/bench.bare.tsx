import type { MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'

/**
 * The load benchmark's baseline (bench/load.ts): a page of `/meetings`' layout and of the size a
 * paged list should have, with no loader of its own, so what it costs is the server and the root
 * alone. server.js answers 404 for it unless started with BENCH_BARE_PAGE=1.
 */
export const meta: MetaFunction = () => [{ title: 'Spotkania — Narada' }]

const ROWS = 120
const TOPICS = [
  'Współpraca ośrodków pomocy społecznej z powiatowymi urzędami pracy',
  'Programy aktywizacji zawodowej osób długotrwale bezrobotnych',
  'Ekonomia społeczna w gminach województwa małopolskiego',
  'Sprawozdanie z realizacji rekomendacji zespołu za poprzedni rok',
]
const BODIES = [
  'Zespół Doradczy ds. pomocy osobom bezrobotnym',
  'Grupa robocza ds. kontraktów socjalnych',
  'Zespół ds. wspierania rodziny i pieczy zastępczej',
]
const VENUES = ['Urząd Miasta Katowice, ul. Młyńska 4, sala 5', 'ROPS Kraków, ul. Piastowska 32', 'MOPS Wodzisław Śląski']

const meetings = Array.from({ length: ROWS }, (_, index) => ({
  id: 1000 + index,
  number: index + 1,
  topic: TOPICS[index % TOPICS.length]!,
  when: `${String((index % 28) + 1).padStart(2, '0')}.${String((index % 12) + 1).padStart(2, '0')}.2025, 10:00–12:30`,
  body: BODIES[index % BODIES.length]!,
  venue: VENUES[index % VENUES.length]!,
}))

export default function BenchBarePage() {
  const t = useT()
  return (
    <>
      <h1>{t('calendar.title')}</h1>
      <section aria-labelledby="bare-heading">
        <h2 id="bare-heading">{t('calendar.upcoming')}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('calendar.meeting')}</th>
                <th scope="col">{t('calendar.when')}</th>
                <th scope="col">{t('calendar.body')}</th>
                <th scope="col">{t('calendar.venue')}</th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((meeting) => (
                <tr key={meeting.id}>
                  <th scope="row">
                    <Link to={`/meetings/${meeting.id}`}>
                      {t('calendar.meetingLink', { number: meeting.number, topic: meeting.topic })}
                    </Link>
                  </th>
                  <td>{meeting.when}</td>
                  <td>{meeting.body}</td>
                  <td>{meeting.venue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  )
}
