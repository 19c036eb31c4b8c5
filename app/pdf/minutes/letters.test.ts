import { afterAll, expect, it } from 'vitest'
import type { MinutesSnapshot } from '~/models/minutes.server'
import { pageTexts, pdfFile, squash } from '#tests/support/pdf'
import { renderMinutesPdf } from './build.server'

const files: { remove(): void }[] = []
afterAll(() => files.forEach((file) => file.remove()))

const snapshot = (topic: string, publication: MinutesSnapshot['publication'] = null): MinutesSnapshot => ({
  meetingId: 1,
  bodyId: 1,
  bodyName: 'Zespół doradczy',
  bodyKind: 'advisory_team',
  meetingNumber: 1,
  startsAt: '2031-05-16T11:00:00.000Z',
  endsAt: '2031-05-16T13:00:00.000Z',
  topic,
  place: null,
  participants: [],
  sections: [],
  actionItems: [],
  preparedBy: null,
  approvedBy: null,
  approvedOn: null,
  fundingNotice: null,
  state: publication ? 'published' : 'draft',
  visibility: 'public',
  publication,
  updatedAt: '2031-05-20T10:00:00.000Z',
})

const text = async (value: MinutesSnapshot) => {
  const file = pdfFile(await renderMinutesPdf({ snapshot: value }))
  files.push(file)
  return squash(pageTexts(file.file).join(' '))
}

// A test file of its own: its worker opens the fonts afresh, so the first document here is
// the first the fonts ever drew.
it('keeps E and N readable after a document with Ę and Ń drew them as parts of those letters', async () => {
  expect(await text(snapshot('ZAŻÓŁĆ GĘŚLĄ JAŹŃ'))).toContain('ZAŻÓŁĆ GĘŚLĄ JAŹŃ')
  const url = 'https://narada.example.pl/verify/ENE0NE0NENEN'
  const published = await text(
    snapshot('Temat', { code: 'ENE0NE0NENEN', verifyUrl: url, publishedAt: '2031-06-01T10:00:00.000Z', publishedBy: null }),
  )
  expect(published).toContain(url)
  expect(published).toContain('Kod weryfikacyjny: ENE0NE0NENEN')
  expect(published).toContain('Opublikowano 01.06.2031 r., godz. 12:00')
})
