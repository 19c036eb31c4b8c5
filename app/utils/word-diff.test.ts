import { describe, expect, it } from 'vitest'
import { diffLines, diffText, hasChanges } from './word-diff'

describe('diffText', () => {
  it('marks a changed word as removed and added, the rest kept', () => {
    expect(diffText('Porozumienie zostanie zawarte w III kwartale 2017 r.', 'Porozumienie zostanie zawarte w IV kwartale 2017 r.')).toEqual(
      [
        { kind: 'same', text: 'Porozumienie zostanie zawarte w ' },
        { kind: 'removed', text: 'III' },
        { kind: 'added', text: 'IV' },
        { kind: 'same', text: ' kwartale 2017 r.' },
      ],
    )
  })

  it('treats Polish words as whole words, never splitting at a diacritic', () => {
    const changes = diffText('Przedstawiciel MOPS w Łodzi zgłosił uwagę.', 'Przedstawicielka MOPS w Łódź zgłosiła uwagę.')
    expect(changes.filter((c) => c.kind === 'removed').map((c) => c.text.trim())).toEqual(['Przedstawiciel', 'Łodzi zgłosił'])
    expect(changes.filter((c) => c.kind === 'added').map((c) => c.text.trim())).toEqual(['Przedstawicielka', 'Łódź zgłosiła'])
    expect(changes.filter((c) => c.kind === 'same').map((c) => c.text)).toContain(' MOPS w ')
  })

  it('sees punctuation as tokens of its own', () => {
    expect(diffText('Zespół przyjął program.', 'Zespół przyjął program!')).toEqual([
      { kind: 'same', text: 'Zespół przyjął program' },
      { kind: 'removed', text: '.' },
      { kind: 'added', text: '!' },
    ])
    const dash = diffText('porozumienie MOPS-PUP', 'porozumienie MOPS–PUP')
    expect(dash).toContainEqual({ kind: 'removed', text: '-' })
    expect(dash).toContainEqual({ kind: 'added', text: '–' })
  })

  it('ignores a change of spacing alone and keeps the newer text’s line breaks', () => {
    const changes = diffText('Ustalono  termin\nkolejnego spotkania.', 'Ustalono termin kolejnego\n\nspotkania.')
    expect(hasChanges(changes)).toBe(false)
    expect(changes.map((c) => c.text).join('')).toBe('Ustalono termin kolejnego\n\nspotkania.')
  })

  it('shows a whole text added to or removed from an empty one, and nothing for two empty texts', () => {
    expect(diffText('', 'Nowa część notatki.')).toEqual([{ kind: 'added', text: 'Nowa część notatki.' }])
    expect(diffText('Stara część.', '')).toEqual([{ kind: 'removed', text: 'Stara część.' }])
    expect(diffText('', '')).toEqual([])
  })

  it('merges neighbouring changes of one kind into one run', () => {
    const changes = diffText('a b c', 'x y z')
    expect(changes).toEqual([
      { kind: 'removed', text: 'a b c' },
      { kind: 'added', text: 'x y z' },
    ])
  })
})

describe('diffLines', () => {
  it('compares lists line by line: a person added or removed is one change', () => {
    expect(diffLines(['Anna Łęcka — MOPS', 'Grzegorz Źdźbło — PUP'], ['Anna Łęcka — MOPS', 'Żaneta Nowa — PUP'])).toEqual([
      { kind: 'same', text: 'Anna Łęcka — MOPS' },
      { kind: 'removed', text: 'Grzegorz Źdźbło — PUP' },
      { kind: 'added', text: 'Żaneta Nowa — PUP' },
    ])
  })
})
