import { describe, expect, it } from 'vitest'
import { en } from './en'
import { labels as enLabels } from './en/labels'
import { labelledEnums, type EnumLabels } from './labels'
import { pl } from './pl'
import { labels as plLabels } from './pl/labels'

const groups = Object.keys(labelledEnums) as (keyof EnumLabels)[]

/** Key families that name an enum's values in another grammatical form, and why. */
const otherForms: Record<string, string> = {
  'minutes.cycle.visibility': 'the answers to „Kto może ją czytać?” on the publish form: who, not how',
  'agreements.cycle.visibility': 'the answers to „Kto widzi zawarte porozumienie” on the publication form: who, not how',
}

describe('enum labels', () => {
  it('name every value of every labelled enum in both languages', () => {
    for (const group of groups) {
      for (const value of labelledEnums[group]) {
        const key = `${group}.${String(value)}` as keyof typeof pl
        expect(pl[key], `pl ${key}`).toBeTruthy()
        expect(en[key], `en ${key}`).toBeTruthy()
      }
      expect(Object.keys(plLabels[group]).sort(), group).toEqual([...labelledEnums[group]].map(String).sort())
      expect(Object.keys(enLabels[group]).sort(), group).toEqual([...labelledEnums[group]].map(String).sort())
    }
  })

  it('are defined once: no dictionary holds another copy of an enum’s labels', () => {
    // A copy is a key family `<prefix>.<value>` covering all values of an enum, under another prefix.
    const keys = Object.keys(pl)
    for (const group of groups) {
      const values = labelledEnums[group].map(String)
      const first = `.${values[0] ?? ''}`
      const prefixes = new Set(keys.filter((k) => k.endsWith(first)).map((k) => k.slice(0, -first.length)))
      const copies = [...prefixes].filter((prefix) => !(prefix in otherForms) && values.every((v) => `${prefix}.${v}` in pl))
      // Enums with the same values (the visibilities of presentations and of minutes) are labelled apart.
      const twins = groups.filter((g) => labelledEnums[g].map(String).sort().join() === [...values].sort().join())
      expect(copies.sort(), group).toEqual(twins.sort())
    }
  })

  it('are what the pages and PDFs print', () => {
    expect(pl['agenda.kind.workshop']).toBe('Warsztat')
    expect(pl['actionItems.state.open']).toBe('do realizacji')
    expect(en['meetings.state.invited']).toBe('invitations sent')
  })
})
