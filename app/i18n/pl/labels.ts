import type { EnumLabels } from '../labels'

/** The Polish label of every enum value (see ../labels.ts). Every value here must exist in ../en/labels.ts too. */
export const labels: EnumLabels = {
  'meetings.state': {
    planned: 'zaplanowane',
    invited: 'zaproszenia wysłane',
    held: 'odbyło się',
    cancelled: 'odwołane',
  },
  'agenda.kind': {
    opening: 'Otwarcie',
    presentation: 'Prezentacja',
    workshop: 'Warsztat',
    panel: 'Panel dyskusyjny',
    discussion: 'Dyskusja',
    group_work: 'Praca w grupach',
    game: 'Gra',
    break: 'Przerwa',
    other: 'Inne',
  },
  'actionItems.state': {
    open: 'do realizacji',
    done: 'zrealizowane',
    dropped: 'zaniechane',
  },
  role: {
    admin: 'administrator',
    officer: 'urzędnik (prowadzący zespoły)',
    member: 'członek (przedstawiciel instytucji)',
  },
  kind: {
    ops: 'ośrodek pomocy społecznej (MOPS/GOPS/OPS)',
    pcpr: 'powiatowe centrum pomocy rodzinie (PCPR)',
    pup: 'powiatowy urząd pracy (PUP)',
    wup: 'wojewódzki urząd pracy (WUP)',
    rops: 'regionalny ośrodek polityki społecznej (ROPS)',
    city_hall: 'urząd miasta lub gminy',
    ohp: 'Ochotnicze Hufce Pracy (OHP)',
    ngo: 'organizacja pozarządowa',
    cis: 'centrum integracji społecznej (CIS)',
    school: 'uczelnia lub szkoła',
    other: 'inna instytucja',
  },
  'bodies.kind': {
    advisory_team: 'Zespół doradczy',
    working_group: 'Grupa robocza',
  },
  'bodies.membershipRole': {
    chair: 'przewodniczący',
    secretary: 'sekretarz',
    member: 'członek',
  },
  'bodies.officerRole': {
    convenor: 'koordynator',
    secretary: 'sekretarz',
  },
  'invitations.kind': {
    delegate: 'delegat',
    deputy: 'zastępca',
    guest: 'gość',
  },
  'invitations.answer': {
    pending: 'Brak odpowiedzi',
    yes: 'Tak',
    no: 'Nie',
    maybe: 'Może',
  },
  'invitations.attendance': {
    unknown: 'nie odnotowano',
    present: 'obecny',
    absent: 'nieobecny',
    excused: 'usprawiedliwiony',
  },
  'presentations.visibility': {
    members: 'dla członków zespołu',
    public: 'publiczna',
  },
  'minutes.state': {
    draft: 'projekt',
    circulated: 'rozesłana do uwag',
    approved: 'zatwierdzona',
    published: 'opublikowana',
  },
  'minutes.visibility': {
    members: 'dla członków zespołu',
    public: 'publicznie',
  },
  'documents.kind': {
    minutes: 'Notatka ze spotkania',
    recommendation: 'Rekomendacje',
    agreement: 'Porozumienie',
  },
  'agreement.state': {
    draft: 'projekt',
    negotiation: 'w negocjacjach',
    ready_to_sign: 'gotowe do podpisu',
    signed: 'zawarte',
    expired: 'wygasło',
    terminated: 'rozwiązane',
  },
  'agreement.signatureMethod': {
    narada: 'podpis elektroniczny zwykły w Naradzie (eIDAS, art. 3 pkt 10)',
    scan: 'skan podpisanego egzemplarza papierowego',
    pades: 'podpis elektroniczny PAdES (kwalifikowany, zaufany lub osobisty)',
  },
  'agreement.trust': {
    verified: 'łańcuch zweryfikowany',
    notChecked: 'zaufanie nie zostało sprawdzone',
    failed: 'łańcuch niezweryfikowany',
  },
  'recommendation.state': {
    drafting: 'w opracowaniu',
    consultation: 'w konsultacji',
    adopted: 'przyjęte',
    published: 'opublikowane',
    withdrawn: 'wycofane',
  },
  'distribution.recipientState': {
    not_sent: 'niewysłane',
    sent: 'wysłane',
    opened: 'otwarte',
    confirmed: 'potwierdzone',
    reported: 'z informacją o wdrażaniu',
  },
  'distribution.status': {
    planned: 'wdrożenie zaplanowane',
    in_progress: 'w trakcie wdrażania',
    implemented: 'wdrożone',
    not_applicable: 'nie dotyczy',
  },
}
