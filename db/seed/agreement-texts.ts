/**
 * The texts of the two demo cooperation agreements, adapted from the MOPS–PUP template to what
 * the sample notes say: Katowice's, concluded before the meeting of 16.06.2009
 * (../shared/samples/000_*.txt: „MOPS i PUP zawarł umowę, której zakres współpracy jest bardzo
 * szeroki”), and Wodzisław Śląski's, to be concluded „najpóźniej w 3 kwartale” 2017
 * (../shared/samples/002_*.txt). Each cites the law in force on its date: the 2004 employment act
 * and the 1997 data protection act, as RODO applies only from 25 May 2018.
 */

export type DemoAgreementText = {
  number: string
  title: string
  subject: string
  place: string
  validFrom: string
  validTo: string | null
  noticeMonths: number | null
  paragraphs: { title: string; body: string }[]
}

/** Organisation names exactly as db/seed/demo.ts creates them, so the seed finds them by name. */
export type DemoAgreementParty = { organisation: string; signatories: { name: string; position: string }[] }

const MOPS_KATOWICE = 'Miejski Ośrodek Pomocy Społecznej w Katowicach'
const PUP_KATOWICE = 'Powiatowy Urząd Pracy w Katowicach'
const MOPS_WODZISLAW = 'Miejski Ośrodek Pomocy Społecznej w Wodzisławiu Śląskim'
const PUP_WODZISLAW = 'Powiatowy Urząd Pracy w Wodzisławiu Śląskim'

// The samples name no director of these four institutions: the signatories are invented and say so.
export const KATOWICE_PARTIES: DemoAgreementParty[] = [
  {
    organisation: MOPS_KATOWICE,
    signatories: [{ name: 'Barbara Wilczek (dane przykładowe)', position: 'Dyrektor Miejskiego Ośrodka Pomocy Społecznej w Katowicach' }],
  },
  {
    organisation: PUP_KATOWICE,
    signatories: [
      {
        name: 'Andrzej Sowa (dane przykładowe)',
        position: 'Dyrektor Powiatowego Urzędu Pracy w Katowicach, działający z upoważnienia Prezydenta Miasta Katowice',
      },
    ],
  },
]

export const WODZISLAW_PARTIES: DemoAgreementParty[] = [
  {
    organisation: MOPS_WODZISLAW,
    signatories: [
      { name: 'Joanna Kurek (dane przykładowe)', position: 'Dyrektor Miejskiego Ośrodka Pomocy Społecznej w Wodzisławiu Śląskim' },
    ],
  },
  {
    organisation: PUP_WODZISLAW,
    signatories: [
      {
        name: 'Marek Pietrzyk (dane przykładowe)',
        position: 'Dyrektor Powiatowego Urzędu Pracy w Wodzisławiu Śląskim, działający z upoważnienia Starosty Wodzisławskiego',
      },
    ],
  },
]

export const KATOWICE_AGREEMENT: DemoAgreementText = {
  number: 'MOPS.DAS.0711.3.2009',
  title: 'Porozumienie o współpracy Miejskiego Ośrodka Pomocy Społecznej w Katowicach i Powiatowego Urzędu Pracy w Katowicach',
  subject:
    'współpraca na rzecz osób bezrobotnych korzystających z pomocy społecznej w mieście Katowice, w ramach Miejskiej Strategii Rozwiązywania Problemów Społecznych',
  place: 'Katowicach',
  validFrom: '2009-03-02',
  validTo: null,
  noticeMonths: 1,
  paragraphs: [
    {
      title: 'Przedmiot porozumienia',
      body: [
        'Przedmiotem porozumienia jest określenie zasad współpracy MOPS i PUP na rzecz osób bezrobotnych zamieszkałych w Katowicach, które korzystają z pomocy społecznej albo są zagrożone wykluczeniem społecznym lub nim dotknięte.',
        '',
        'Porozumienie zawiera się w celu realizacji zadań Stron określonych w ustawie z dnia 20 kwietnia 2004 r. o promocji zatrudnienia i instytucjach rynku pracy i w ustawie z dnia 12 marca 2004 r. o pomocy społecznej oraz działań przewidzianych w Miejskiej Strategii Rozwiązywania Problemów Społecznych.',
        '',
        'Ilekroć w porozumieniu jest mowa o **wspólnym kliencie**, należy przez to rozumieć osobę zarejestrowaną w PUP jako bezrobotna, która jednocześnie korzysta z pomocy MOPS.',
        '',
        'Porozumienie nie rodzi zobowiązań finansowych Stron.',
      ].join('\n'),
    },
    {
      title: 'Zakres współpracy',
      body: [
        'Strony zobowiązują się do współpracy w zakresie:',
        '',
        '1. potwierdzania rejestracji w PUP osób ubiegających się o pomoc MOPS, w przypadkach gdy rejestracja jest warunkiem jej udzielenia;',
        '2. zapewnienia ciągłości ubezpieczenia zdrowotnego wspólnych klientów, w tym informowania MOPS o utracie statusu osoby bezrobotnej;',
        '3. kierowania wspólnych klientów do zajęć grupowych prowadzonych przez MOPS oraz do usług i instrumentów rynku pracy PUP;',
        '4. uwzględniania w kontraktach socjalnych działań zmierzających do podjęcia zatrudnienia;',
        '5. promowania wolontariatu jako formy aktywizacji osób bezrobotnych;',
        '6. współpracy z organizacjami pozarządowymi i innymi podmiotami działającymi na rzecz osób bezrobotnych w Katowicach, w szczególności w zakresie pośrednictwa pracy dla osób do 25 roku życia, poradnictwa zawodowego i bezpłatnego poradnictwa prawnego.',
        '',
        'Strony udostępniają organizacjom pozarządowym, o których mowa w ust. 1 pkt 6, materiały informacyjne o swojej ofercie w celu ich rozpowszechniania wśród osób bezrobotnych.',
        '',
        'Strony przedstawiają informacje o realizacji porozumienia na posiedzeniach Zespołu Doradczego ds. pomocy osobom bezrobotnym.',
      ].join('\n'),
    },
    {
      title: 'Wymiana informacji',
      body: [
        'Strony przekazują sobie informacje niezbędne do realizacji porozumienia, w szczególności o:',
        '',
        '1. zarejestrowaniu wspólnego klienta w PUP oraz utracie statusu osoby bezrobotnej i jej przyczynie;',
        '2. prawie do zasiłku dla bezrobotnych i okresie jego pobierania;',
        '3. skierowaniu wspólnego klienta do udziału w formie pomocy oraz jej ukończeniu lub przerwaniu;',
        '4. odmowie przyjęcia propozycji odpowiedniej pracy lub innej formy pomocy bez uzasadnionej przyczyny.',
        '',
        'Informacje przekazuje się w postaci papierowej, w zamkniętej kopercie, lub w postaci elektronicznej z zastosowaniem szyfrowania przesyłanych danych.',
        '',
        'Dane osobowe przetwarza się zgodnie z ustawą z dnia 29 sierpnia 1997 r. o ochronie danych osobowych, wyłącznie w celu realizacji porozumienia i w zakresie niezbędnym do tego celu: imię i nazwisko, numer PESEL, adres zamieszkania, status na rynku pracy i formy udzielonej pomocy.',
        '',
        'Każda ze Stron jest administratorem danych osobowych, które przetwarza w ramach swoich zadań ustawowych, i zapewnia, że dostęp do nich mają wyłącznie osoby posiadające upoważnienie do przetwarzania danych osobowych.',
      ].join('\n'),
    },
    {
      title: 'Procedury współpracy',
      body: [
        'MOPS, kierując wspólnego klienta do PUP, przekazuje informację o jego sytuacji w zakresie niezbędnym do dobrania formy pomocy. PUP informuje MOPS o podjętych działaniach w terminie 7 dni roboczych od dnia otrzymania skierowania.',
        '',
        'PUP informuje MOPS o utracie przez wspólnego klienta statusu osoby bezrobotnej w terminie 5 dni roboczych od dnia wydania decyzji w tej sprawie.',
        '',
        'W sprawach wymagających wspólnych ustaleń pracownik socjalny MOPS i pośrednik pracy lub doradca zawodowy PUP zwołują **konferencję przypadku** z udziałem wspólnego klienta, nie później niż w terminie 10 dni roboczych od dnia zgłoszenia potrzeby przez jedną ze Stron.',
        '',
        'Koordynatorzy spotykają się co najmniej raz na kwartał w celu omówienia przebiegu współpracy.',
      ].join('\n'),
    },
    {
      title: 'Koordynatorzy',
      body: [
        'Każda ze Stron wyznacza koordynatora odpowiedzialnego za realizację porozumienia.',
        '',
        'Imiona i nazwiska koordynatorów oraz ich dane kontaktowe określa załącznik nr 1 do porozumienia.',
        '',
        'Zmiana koordynatora lub jego danych kontaktowych nie stanowi zmiany porozumienia i wymaga jedynie pisemnego powiadomienia drugiej Strony.',
      ].join('\n'),
    },
    {
      title: 'Okres obowiązywania',
      body: [
        'Porozumienie zawiera się na czas nieokreślony, z mocą obowiązującą od dnia 2 marca 2009 r.',
        '',
        'Każda ze Stron może wypowiedzieć porozumienie z zachowaniem jednomiesięcznego okresu wypowiedzenia, ze skutkiem na koniec miesiąca kalendarzowego. Wypowiedzenie wymaga formy pisemnej.',
        '',
        'Wypowiedzenie porozumienia nie zwalnia Stron z obowiązku ochrony danych osobowych otrzymanych w okresie jego obowiązywania.',
      ].join('\n'),
    },
    {
      title: 'Zmiany porozumienia',
      body: [
        'Zmiany porozumienia wymagają formy pisemnej w postaci aneksu pod rygorem nieważności.',
        '',
        'Zmiana załącznika nr 1 następuje w trybie określonym w § 5 i nie wymaga aneksu.',
      ].join('\n'),
    },
    {
      title: 'Postanowienia końcowe',
      body: [
        'W sprawach nieuregulowanych w porozumieniu stosuje się przepisy ustawy z dnia 23 kwietnia 1964 r. – Kodeks cywilny.',
        '',
        'Spory wynikające z porozumienia Strony będą rozstrzygać polubownie. W razie nieosiągnięcia porozumienia spór rozstrzyga sąd powszechny właściwy dla siedziby MOPS.',
        '',
        'Porozumienie sporządzono w dwóch jednobrzmiących egzemplarzach, po jednym dla każdej ze Stron.',
        '',
        'Porozumienie wchodzi w życie z dniem podpisania.',
      ].join('\n'),
    },
  ],
}

export const WODZISLAW_AGREEMENT: DemoAgreementText = {
  number: 'MOPS.PS.0711.2.2017',
  title:
    'Porozumienie o współpracy Miejskiego Ośrodka Pomocy Społecznej w Wodzisławiu Śląskim i Powiatowego Urzędu Pracy w Wodzisławiu Śląskim w ramach projektu „Fachowa siła przyszłością dla rodziny”',
  subject:
    'współpraca MOPS i PUP w aktywizacji zawodowej członków rodzin objętych projektem „Fachowa siła przyszłością dla rodziny”, zamieszkałych w dzielnicy Wilchwy',
  place: 'Wodzisławiu Śląskim',
  validFrom: '2017-09-01',
  validTo: null,
  noticeMonths: 1,
  paragraphs: [
    {
      title: 'Przedmiot porozumienia',
      body: [
        'Przedmiotem porozumienia jest określenie zasad współpracy MOPS i PUP w pracy z rodzinami objętymi projektem „Fachowa siła przyszłością dla rodziny”, zwanym dalej „Projektem”, realizowanym w ramach konkursu nr POWR.04.01.00-IZ.00-00-004/16, Działanie 4.1 Innowacje społeczne Programu Operacyjnego Wiedza Edukacja Rozwój.',
        '',
        'Projekt jest skierowany do rodzin trzypokoleniowych zamieszkałych w dzielnicy Wilchwy, u których zdiagnozowano międzypokoleniowe dziedziczenie ubóstwa, a jego celem jest przerwanie tego procesu.',
        '',
        'Porozumienie zawiera się w celu realizacji zadań Stron określonych w ustawie z dnia 20 kwietnia 2004 r. o promocji zatrudnienia i instytucjach rynku pracy oraz w ustawie z dnia 12 marca 2004 r. o pomocy społecznej.',
        '',
        'Ilekroć w porozumieniu jest mowa o **uczestniku**, należy przez to rozumieć członka rodziny objętej Projektem, zarejestrowanego w PUP jako bezrobotny lub poszukujący pracy albo zainteresowanego taką rejestracją.',
      ].join('\n'),
    },
    {
      title: 'Zakres współpracy',
      body: [
        'Strony zobowiązują się do współpracy w zakresie:',
        '',
        '1. udziału przedstawicieli PUP w pracach Grupy Roboczej Projektu nad modelem pracy socjalnej opartym na współpracy międzyinstytucjonalnej;',
        '2. informowania uczestników o katalogu usług i form aktywizacji PUP, w tym o formach podnoszenia kwalifikacji zawodowych i rodzajach wsparcia finansowego;',
        '3. objęcia uczestników poradnictwem zawodowym i uzgadniania ścieżki pracy z uczestnikiem przez doradcę zawodowego PUP i pracownika socjalnego MOPS;',
        '4. kierowania uczestników do form aktywizacji zawodowej dostosowanych do ich profilu pomocy;',
        '5. uwzględniania działań aktywizacyjnych PUP w planach pracy z rodziną i kontraktach socjalnych.',
        '',
        'Strony współpracują w Projekcie z Centrum Inicjatyw Społecznych w Rybniku oraz specjalistami zaangażowanymi przez Grupę Roboczą.',
        '',
        'Udział PUP w Projekcie nie rodzi zobowiązań finansowych PUP. Koszty działań Projektu pokrywa MOPS ze środków Projektu.',
      ].join('\n'),
    },
    {
      title: 'Wymiana informacji',
      body: [
        'Strony przekazują sobie informacje niezbędne do realizacji porozumienia, w szczególności o:',
        '',
        '1. zarejestrowaniu uczestnika w PUP, ustalonym profilu pomocy oraz utracie statusu osoby bezrobotnej;',
        '2. skierowaniu uczestnika do formy aktywizacji oraz jej rozpoczęciu, przerwaniu lub ukończeniu;',
        '3. zmianach w sytuacji rodziny mających wpływ na realizację ścieżki pracy z uczestnikiem.',
        '',
        'Informacje przekazuje się w postaci elektronicznej z zastosowaniem szyfrowania przesyłanych danych, a gdy nie jest to możliwe – w postaci papierowej, w zamkniętej kopercie.',
        '',
        'Dane osobowe przetwarza się zgodnie z ustawą z dnia 29 sierpnia 1997 r. o ochronie danych osobowych, wyłącznie w celu realizacji porozumienia i Projektu, w zakresie: imię i nazwisko, numer PESEL, adres zamieszkania, dane kontaktowe, status na rynku pracy, profil pomocy i formy udzielonego wsparcia. Dane uczestników Projektu przetwarza się ponadto na zasadach określonych w umowie o dofinansowanie Projektu.',
        '',
        'Każda ze Stron jest administratorem danych osobowych, które przetwarza w ramach swoich zadań ustawowych.',
        '',
        'Strony dostosują zasady przetwarzania danych osobowych do rozporządzenia Parlamentu Europejskiego i Rady (UE) 2016/679 z dnia 27 kwietnia 2016 r. (ogólnego rozporządzenia o ochronie danych) przed dniem rozpoczęcia jego stosowania, w drodze aneksu.',
      ].join('\n'),
    },
    {
      title: 'Procedury współpracy',
      body: [
        'Pracownik socjalny MOPS, kierując uczestnika do PUP, uzgadnia z doradcą zawodowym PUP termin spotkania, które odbywa się nie później niż w terminie 10 dni roboczych od dnia skierowania.',
        '',
        'W sprawach wymagających wspólnych ustaleń pracownik socjalny MOPS i doradca zawodowy PUP zwołują **konferencję przypadku** z udziałem uczestnika i członków jego rodziny.',
        '',
        'PUP informuje MOPS o utracie przez uczestnika statusu osoby bezrobotnej w terminie 5 dni roboczych od dnia wydania decyzji w tej sprawie.',
        '',
        'Przedstawiciele Stron omawiają przebieg współpracy na spotkaniach Grupy Roboczej Projektu.',
      ].join('\n'),
    },
    {
      title: 'Koordynatorzy',
      body: [
        'Każda ze Stron wyznacza koordynatora odpowiedzialnego za realizację porozumienia.',
        '',
        'Imiona i nazwiska koordynatorów oraz ich dane kontaktowe określa załącznik nr 1 do porozumienia.',
        '',
        'Zmiana koordynatora lub jego danych kontaktowych nie stanowi zmiany porozumienia i wymaga jedynie pisemnego lub elektronicznego powiadomienia drugiej Strony.',
      ].join('\n'),
    },
    {
      title: 'Okres obowiązywania',
      body: [
        'Porozumienie zawiera się na czas nieokreślony, z mocą obowiązującą od dnia 1 września 2017 r.',
        '',
        'Każda ze Stron może wypowiedzieć porozumienie z zachowaniem jednomiesięcznego okresu wypowiedzenia, ze skutkiem na koniec miesiąca kalendarzowego. Wypowiedzenie wymaga formy pisemnej.',
        '',
        'Wypowiedzenie porozumienia w okresie realizacji Projektu Strony poprzedzają uzgodnieniem sposobu dokończenia rozpoczętych działań z uczestnikami.',
      ].join('\n'),
    },
    {
      title: 'Zmiany porozumienia',
      body: [
        'Zmiany porozumienia wymagają formy pisemnej w postaci aneksu pod rygorem nieważności.',
        '',
        'Zmiana załącznika nr 1 następuje w trybie określonym w § 5 i nie wymaga aneksu.',
      ].join('\n'),
    },
    {
      title: 'Postanowienia końcowe',
      body: [
        'W sprawach nieuregulowanych w porozumieniu stosuje się przepisy ustawy z dnia 23 kwietnia 1964 r. – Kodeks cywilny.',
        '',
        'Spory wynikające z porozumienia Strony będą rozstrzygać polubownie. W razie nieosiągnięcia porozumienia spór rozstrzyga sąd powszechny właściwy dla siedziby MOPS.',
        '',
        'Porozumienie sporządzono w dwóch jednobrzmiących egzemplarzach, po jednym dla każdej ze Stron. Porozumienie może zostać zawarte w postaci elektronicznej, przez opatrzenie go kwalifikowanymi podpisami elektronicznymi osób reprezentujących Strony.',
        '',
        'Porozumienie wchodzi w życie z dniem podpisania przez obie Strony.',
      ].join('\n'),
    },
  ],
}
