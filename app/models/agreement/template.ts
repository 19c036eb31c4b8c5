/**
 * Starting texts an officer picks when drafting a cooperation agreement. Each paragraph's body is
 * the markup clauses.ts numbers: a paragraph of text is a clause (ust.), a list under it its points
 * (pkt). Nobody types a number, so the text survives reordering.
 */

export type AgreementTemplate = {
  id: 'mops-pup'
  /** For the picker. */
  name: string
  title: string
  subject: string
  paragraphs: { title: string; body: string }[]
}

// The act of 20 April 2004 on employment promotion was repealed on 1 June 2025 by the act of
// 20 March 2025 on the labour market and employment services, so a text drafted today cites the
// new one. No article numbers: the officer adds them once the lawyer has read the draft.
export const MOPS_PUP_TEMPLATE: AgreementTemplate = {
  id: 'mops-pup',
  name: 'Porozumienie o współpracy MOPS (OPS) i PUP',
  title: 'Porozumienie o współpracy Ośrodka Pomocy Społecznej i Powiatowego Urzędu Pracy',
  subject:
    'współpraca w zakresie aktywizacji zawodowej i integracji społecznej osób bezrobotnych i poszukujących pracy korzystających ze świadczeń pomocy społecznej',
  paragraphs: [
    {
      title: 'Przedmiot porozumienia',
      body: [
        'Przedmiotem porozumienia jest określenie zasad współpracy MOPS i PUP w zakresie aktywizacji zawodowej i integracji społecznej osób bezrobotnych i poszukujących pracy, które korzystają ze świadczeń pomocy społecznej lub są objęte pracą socjalną.',
        '',
        'Porozumienie zawiera się w celu realizacji zadań Stron określonych w ustawie z dnia 20 marca 2025 r. o rynku pracy i służbach zatrudnienia oraz w ustawie z dnia 12 marca 2004 r. o pomocy społecznej.',
        '',
        'Ilekroć w porozumieniu jest mowa o **wspólnym kliencie**, należy przez to rozumieć osobę zarejestrowaną w PUP jako bezrobotna lub poszukująca pracy, która jednocześnie korzysta ze świadczeń pomocy społecznej lub pracy socjalnej prowadzonej przez MOPS.',
        '',
        'Porozumienie nie rodzi zobowiązań finansowych Stron. Każda ze Stron ponosi koszty wykonywania swoich zadań we własnym zakresie.',
      ].join('\n'),
    },
    {
      title: 'Zakres współpracy',
      body: [
        'Strony zobowiązują się do współpracy w zakresie:',
        '',
        '1. wzajemnego informowania o formach pomocy i usługach rynku pracy dostępnych dla wspólnych klientów;',
        '2. wspólnego diagnozowania sytuacji wspólnych klientów i planowania działań aktywizacyjnych;',
        '3. kierowania wspólnych klientów do udziału w formach aktywizacji zawodowej i społecznej, w tym w zajęciach grupowych i poradnictwie zawodowym;',
        '4. uwzględniania działań aktywizacyjnych PUP w kontraktach socjalnych i innych planach pomocy zawieranych przez MOPS;',
        '5. przygotowywania i realizacji wspólnych programów i projektów, w tym współfinansowanych ze środków Unii Europejskiej;',
        '6. współpracy z organizacjami pozarządowymi i innymi podmiotami działającymi na rzecz osób bezrobotnych na terenie gminy.',
        '',
        'Współpraca, o której mowa w ust. 1, obejmuje również wspólne analizy zjawisk bezrobocia i wykluczenia społecznego na potrzeby strategii rozwiązywania problemów społecznych oraz lokalnych programów rynku pracy.',
        '',
        'Strony mogą w drodze uzgodnień roboczych koordynatorów, o których mowa w § 5, ustalać szczegółowe formy współpracy w poszczególnych sprawach, bez zmiany porozumienia.',
      ].join('\n'),
    },
    {
      title: 'Wymiana informacji',
      body: [
        'Strony przekazują sobie informacje niezbędne do realizacji porozumienia, w szczególności o:',
        '',
        '1. zarejestrowaniu wspólnego klienta w PUP, jego statusie oraz utracie statusu osoby bezrobotnej i jej przyczynie;',
        '2. skierowaniu wspólnego klienta do udziału w formie pomocy oraz o jej rozpoczęciu, przerwaniu lub ukończeniu;',
        '3. odmowie przyjęcia propozycji odpowiedniej pracy lub innej formy pomocy bez uzasadnionej przyczyny;',
        '4. zawarciu, realizacji i zakończeniu kontraktu socjalnego, w zakresie dotyczącym aktywizacji zawodowej.',
        '',
        'Informacje przekazuje się w postaci elektronicznej, za pośrednictwem systemów teleinformatycznych Stron lub innych bezpiecznych kanałów komunikacji zapewniających szyfrowanie przesyłanych danych, a gdy nie jest to możliwe – w postaci papierowej, w zamkniętej kopercie. Nie przekazuje się danych osobowych niezaszyfrowaną pocztą elektroniczną.',
        '',
        'Dane osobowe przetwarza się zgodnie z rozporządzeniem Parlamentu Europejskiego i Rady (UE) 2016/679 z dnia 27 kwietnia 2016 r. w sprawie ochrony osób fizycznych w związku z przetwarzaniem danych osobowych i w sprawie swobodnego przepływu takich danych oraz uchylenia dyrektywy 95/46/WE (ogólne rozporządzenie o ochronie danych), zwanym dalej „RODO”, oraz ustawą z dnia 10 maja 2018 r. o ochronie danych osobowych.',
        '',
        'Każda ze Stron jest odrębnym administratorem danych osobowych, które przetwarza w ramach swoich zadań ustawowych, w tym danych otrzymanych od drugiej Strony. Porozumienie nie stanowi powierzenia przetwarzania danych osobowych.',
        '',
        'Strony przekazują wyłącznie dane niezbędne do realizacji celu, w którym je przekazano, w szczególności: imię i nazwisko, numer PESEL, adres zamieszkania, dane kontaktowe, status na rynku pracy, formy udzielonej pomocy oraz informacje o przebiegu aktywizacji. Dane szczególnych kategorii przekazuje się tylko wtedy, gdy przepis prawa na to zezwala.',
        '',
        'Każda ze Stron zapewnia, że dane udostępniają i przetwarzają wyłącznie osoby posiadające upoważnienie do przetwarzania danych osobowych, zobowiązane do zachowania ich w tajemnicy, i niezwłocznie, nie później niż w ciągu 24 godzin od jego stwierdzenia, informuje drugą Stronę o naruszeniu ochrony danych dotyczącym danych przekazanych na podstawie porozumienia.',
      ].join('\n'),
    },
    {
      title: 'Procedury współpracy',
      body: [
        'MOPS, kierując wspólnego klienta do PUP, przekazuje informację o jego sytuacji w zakresie niezbędnym do dobrania formy pomocy. PUP informuje MOPS o podjętych działaniach w terminie 7 dni roboczych od dnia otrzymania skierowania.',
        '',
        'PUP informuje MOPS o utracie przez wspólnego klienta statusu osoby bezrobotnej w terminie 5 dni roboczych od dnia wydania decyzji w tej sprawie.',
        '',
        'W sprawach wymagających wspólnych ustaleń pracownik socjalny MOPS i doradca klienta PUP mogą zwołać **konferencję przypadku** z udziałem wspólnego klienta, a w miarę potrzeby także przedstawicieli innych instytucji i organizacji. Konferencję zwołuje się nie później niż w terminie 10 dni roboczych od dnia zgłoszenia potrzeby przez jedną ze Stron.',
        '',
        'Z konferencji przypadku sporządza się notatkę zawierającą ustalenia, terminy ich wykonania i osoby odpowiedzialne, którą otrzymują obie Strony.',
        '',
        'Koordynatorzy spotykają się co najmniej raz na kwartał w celu omówienia przebiegu współpracy i sporządzają z tych spotkań notatkę.',
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
        '',
        'Koordynatorzy przygotowują corocznie, w terminie do dnia 31 marca, wspólną informację o realizacji porozumienia w roku poprzednim i przedkładają ją kierownikom Stron.',
      ].join('\n'),
    },
    {
      title: 'Okres obowiązywania',
      body: [
        'Porozumienie zawiera się na czas nieokreślony, z mocą obowiązującą od dnia jego podpisania przez obie Strony.',
        '',
        'Każda ze Stron może wypowiedzieć porozumienie z zachowaniem jednomiesięcznego okresu wypowiedzenia, ze skutkiem na koniec miesiąca kalendarzowego. Wypowiedzenie wymaga formy pisemnej lub elektronicznej opatrzonej kwalifikowanym podpisem elektronicznym.',
        '',
        'Strony mogą rozwiązać porozumienie w każdym czasie za zgodą obu Stron.',
        '',
        'Wypowiedzenie lub rozwiązanie porozumienia nie zwalnia Stron z obowiązku ochrony danych osobowych otrzymanych w okresie jego obowiązywania.',
      ].join('\n'),
    },
    {
      title: 'Zmiany porozumienia',
      body: [
        'Zmiany porozumienia wymagają formy pisemnej w postaci aneksu pod rygorem nieważności.',
        '',
        'Za zachowanie formy pisemnej uważa się także aneks sporządzony w postaci elektronicznej i opatrzony kwalifikowanymi podpisami elektronicznymi osób reprezentujących Strony.',
        '',
        'Zmiana załącznika nr 1 następuje w trybie określonym w § 5 i nie wymaga aneksu.',
      ].join('\n'),
    },
    {
      title: 'Postanowienia końcowe',
      body: [
        'W sprawach nieuregulowanych w porozumieniu stosuje się przepisy ustawy z dnia 23 kwietnia 1964 r. – Kodeks cywilny oraz przepisy, o których mowa w § 1 ust. 2.',
        '',
        'Spory wynikające z porozumienia Strony będą rozstrzygać polubownie, w drodze negocjacji. W razie nieosiągnięcia porozumienia spór rozstrzyga sąd powszechny właściwy dla siedziby MOPS.',
        '',
        'Porozumienie sporządzono w dwóch jednobrzmiących egzemplarzach, po jednym dla każdej ze Stron. W przypadku zawarcia porozumienia w postaci elektronicznej Strony podpisują jeden dokument kwalifikowanymi podpisami elektronicznymi, a każda ze Stron otrzymuje jego egzemplarz.',
        '',
        'Porozumienie wchodzi w życie z dniem podpisania przez obie Strony, a w przypadku podpisów złożonych w różnych dniach – z dniem złożenia ostatniego z nich.',
      ].join('\n'),
    },
  ],
}

export const AGREEMENT_TEMPLATES: readonly AgreementTemplate[] = [MOPS_PUP_TEMPLATE]
