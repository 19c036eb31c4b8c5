import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db, schema } from '~/db.server'
import { SYSTEM_ACTOR } from './audit.server'
import { createOrganisation, getOrganisation, listOrganisations, setOrganisationArchived, updateOrganisation } from './organisation.server'

const actor = { userId: null, ip: '203.0.113.5' }
let counter = 0
function input(overrides: Partial<Parameters<typeof createOrganisation>[0]['input']> = {}) {
  counter += 1
  return { name: `Gminny Ośrodek Pomocy Społecznej nr ${counter}`, kind: 'ops' as const, municipalityCode: '2469011', ...overrides }
}

function auditRows(entityId: number) {
  return db
    .select()
    .from(schema.auditLog)
    .where(eq(schema.auditLog.entityId, String(entityId)))
    .all()
    .filter((r) => r.entityType === 'organisation')
}

describe('organisations', () => {
  it('are stored with their municipality, which gives county and voivodeship', () => {
    const saved = createOrganisation({ input: input({ name: 'Fundacja Wspólna Łódź', municipalityCode: '1061011' }), actor })
    expect(saved.ok).toBe(true)
    if (!saved.ok) return
    expect(getOrganisation({ id: saved.id })).toMatchObject({
      name: 'Fundacja Wspólna Łódź',
      municipality: 'Łódź',
      countyCode: '1061',
      voivodeship: 'łódzkie',
    })
  })

  it('refuse a second institution of the same name in one municipality, whatever its case and accents', () => {
    const first = createOrganisation({ input: input({ name: 'Stowarzyszenie Żółty Dom' }), actor })
    expect(first.ok).toBe(true)
    const second = createOrganisation({ input: input({ name: 'STOWARZYSZENIE ZOLTY  DOM' }), actor })
    expect(second).toEqual({ ok: false, fieldErrors: { name: ['validation.duplicateOrganisation'] } })
    // The same name in another municipality is another institution.
    expect(createOrganisation({ input: input({ name: 'Stowarzyszenie Żółty Dom', municipalityCode: '1261011' }), actor }).ok).toBe(true)
  })

  it('refuse a municipality code that is not in the register', () => {
    expect(createOrganisation({ input: input({ municipalityCode: '9999999' }), actor })).toEqual({
      ok: false,
      fieldErrors: { municipalityCode: ['validation.municipality'] },
    })
  })

  it('are found by name without Polish diacritics, and filtered by kind and county', () => {
    const saved = createOrganisation({ input: input({ name: 'Śląskie Centrum Aktywności Ćmielów', kind: 'ngo' }), actor })
    if (!saved.ok) throw new Error('not saved')
    const found = (filter: Parameters<typeof listOrganisations>[0]['filter']) => listOrganisations({ filter }).rows.map((r) => r.id)
    expect(found({ q: 'slaskie centrum cmielow' })).toContain(saved.id)
    expect(found({ q: 'ŚLĄSKIE', kind: ['ngo'], county: ['2469'] })).toContain(saved.id)
    expect(found({ q: 'ślą', kind: ['ops'] })).not.toContain(saved.id)
    expect(found({ q: 'ślą', county: ['1261'] })).not.toContain(saved.id)
    expect(found({ q: '100%' })).toEqual([])
  })

  it('record every change in the audit log with what it was before and after', () => {
    const saved = createOrganisation({ input: input({ name: 'Klub Integracji Społecznej' }), actor })
    if (!saved.ok) throw new Error('not saved')
    updateOrganisation({ id: saved.id, input: input({ name: 'Klub Integracji Społecznej', email: 'kis@example.pl' }), actor })
    setOrganisationArchived({ id: saved.id, archived: true, actor })
    const rows = auditRows(saved.id)
    expect(rows.map((r) => r.action)).toEqual(['organisation.created', 'organisation.updated', 'organisation.archived'])
    expect(JSON.parse(rows[1]!.before!)).toEqual({ email: null })
    expect(JSON.parse(rows[1]!.after!)).toEqual({ email: 'kis@example.pl' })
    expect(rows[1]!.ip).toBe('203.0.113.5')
  })

  it('leave the list when archived and come back when restored', () => {
    const saved = createOrganisation({ input: input({ name: 'Spółdzielnia Socjalna Archiwalna' }), actor: SYSTEM_ACTOR })
    if (!saved.ok) throw new Error('not saved')
    setOrganisationArchived({ id: saved.id, archived: true, actor })
    expect(listOrganisations({ filter: { q: 'archiwalna' } }).rows).toHaveLength(0)
    expect(listOrganisations({ filter: { q: 'archiwalna', archived: '1' } }).rows).toHaveLength(1)
    setOrganisationArchived({ id: saved.id, archived: false, actor })
    expect(listOrganisations({ filter: { q: 'archiwalna' } }).rows).toHaveLength(1)
  })
})
