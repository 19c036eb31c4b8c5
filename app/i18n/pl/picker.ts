/** Polish texts of the person and institution pickers. Every key here must exist in ../en/picker.ts too. */
export const picker = {
  'picker.hint.people': 'Wpisz część imienia, nazwiska lub nazwy instytucji.',
  'picker.hint.organisations': 'Wpisz część nazwy lub skrótu instytucji.',
  'picker.hint.owners': 'Wpisz część nazwy instytucji albo imienia i nazwiska osoby.',
  'picker.noJsHint': 'Użyj przycisku „Szukaj”, a potem zaznacz wybór na liście.',
  'picker.search.people': 'Szukaj osoby',
  'picker.search.organisations': 'Szukaj instytucji',
  'picker.search.owners': 'Szukaj instytucji lub osoby',
  'picker.chosen': 'Wybrano',
  'picker.remove': 'Usuń',
  'picker.clear': 'Wyczyść wybór',
  'picker.nobody': 'nikt (bez wyboru)',
  'picker.count': 'Liczba wyników: {count}. Wybierz strzałkami i zatwierdź klawiszem Enter.',
  'picker.none': 'Nic nie znaleziono.',
  'picker.found': 'Wyniki dla „{query}” ({count}): zaznacz wybór i zapisz formularz.',
  'picker.notFound': 'Nic nie znaleziono dla „{query}”.',
  'picker.typeSomething': 'Wpisz, czego szukać.',
} as const
