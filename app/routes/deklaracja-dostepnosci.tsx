import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { config } from '~/config.server'
import { getLang } from '~/i18n/lang.server'
import { useLang } from '~/i18n/use-t'

/** The day this statement was last assessed and rewritten: change it with the statement. */
const PREPARED_ON = '2026-12-02'
const OMBUDSMAN_URL = 'https://bip.brpo.gov.pl/pl/content/zlozenie-wniosku-do-rzecznika-praw-obywatelskich'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.lang === 'en' ? 'Accessibility statement — Narada' : 'Deklaracja dostępności — Narada' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLang(request)
  return json({ lang, address: process.env.APP_URL || new URL(request.url).origin, ...config.accessibility })
}

type Statement = ReturnType<typeof useLoaderData<typeof loader>>

/**
 * The statement in the form of the minister's template (Act of 4 April 2019 on digital
 * accessibility): its sections in that order and the `a11y-*` ids that monitoring reads. The text
 * is a document sent only with this page, so it lives here rather than in every page's dictionary.
 */
export default function AccessibilityStatement() {
  const statement = useLoaderData<typeof loader>()
  return useLang() === 'en' ? <StatementEn {...statement} /> : <StatementPl {...statement} />
}

function Day({ id, day, missing }: { id: string; day: string | null; missing: string }) {
  return day ? (
    <time id={id} dateTime={day}>
      {day}
    </time>
  ) : (
    <span id={id}>{missing}</span>
  )
}

function StatementPl({ address, entity, publishedOn, contactName, contactEmail, contactPhone, architecture }: Statement) {
  return (
    <article className="statement">
      <h1>Deklaracja dostępności</h1>
      <p id="a11y-wstep">
        <span id="a11y-podmiot">{entity ?? 'Podmiot prowadzący ten serwis (nazwę ustawia zmienna ACCESSIBILITY_ENTITY)'}</span> zobowiązuje
        się zapewnić dostępność swojej strony internetowej zgodnie z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron
        internetowych i aplikacji mobilnych podmiotów publicznych. Deklaracja dostępności dotyczy serwisu Narada pod adresem{' '}
        <a id="a11y-url" href={address}>
          {address}
        </a>
        .
      </p>
      <ul>
        <li>
          Data publikacji strony internetowej:{' '}
          <Day id="a11y-data-publikacja" day={publishedOn} missing="do uzupełnienia (zmienna ACCESSIBILITY_PUBLISHED_ON)" />
        </li>
        <li>
          Data ostatniej istotnej aktualizacji: <Day id="a11y-data-aktualizacja" day={PREPARED_ON} missing="" />
        </li>
      </ul>

      <h2 id="a11y-status">Status pod względem zgodności z ustawą</h2>
      <p>
        Strona internetowa jest częściowo zgodna z ustawą o dostępności cyfrowej z powodu niezgodności lub wyłączeń wymienionych poniżej.
      </p>
      <h3>Treści niedostępne</h3>
      <ul>
        <li>
          Pliki PDF tworzone przez serwis (porządek obrad, lista obecności, notatka ze spotkania) mają strukturę znaczników (nagłówki,
          akapity, tabele z nagłówkami kolumn, tekst alternatywny kodu QR), określony język i tytuł oraz są zgodne z PDF/A-2b, ale nie
          zostały sprawdzone walidatorem PDF/UA. Mogą więc zawierać błędy dostępności. Ta sama treść jest dostępna na stronach serwisu.
        </li>
        <li>
          Lista obecności w PDF ma puste pola na odręczne podpisy: jest przeznaczona do wydruku, a obecność można sprawdzić także na stronie
          spotkania.
        </li>
        <li>
          Testy automatyczne nie obejmują wszystkich kryteriów WCAG 2.1 (na przykład zrozumiałości tekstów wpisywanych przez użytkowników,
          takich jak tematy spotkań i treść notatek).
        </li>
      </ul>
      <h3>Wyłączenia</h3>
      <ul>
        <li>
          Prezentacje i załączniki przesyłane przez uczestników spotkań są treściami podmiotów trzecich, które nie zostały wytworzone ani
          sfinansowane przez podmiot i nie są pod jego kontrolą. Mogą nie być dostępne cyfrowo; na żądanie udostępnimy ich treść w inny
          sposób.
        </li>
      </ul>

      <h2>Przygotowanie deklaracji dostępności</h2>
      <p>
        Deklarację sporządzono dnia{' '}
        <time id="a11y-data-sporzadzenie" dateTime={PREPARED_ON}>
          {PREPARED_ON}
        </time>
        . Deklarację sporządzono na podstawie samooceny przeprowadzonej przez podmiot publiczny. Każda strona odwiedzana przez automatyczne
        testy w przeglądarce jest sprawdzana narzędziem axe-core (kryteria WCAG 2.0 i 2.1 na poziomach A i AA) oraz przy szerokości 320
        pikseli, czy nie wymaga przewijania w poziomie. Testy w przeglądarce obsługują formularze, listy podpowiedzi i nawigację klawiaturą
        oraz sprawdzają działanie stron z wyłączonym JavaScriptem.
      </p>

      <h2>Skróty klawiaturowe</h2>
      <p>
        Serwis nie wprowadza własnych skrótów klawiaturowych; działają standardowe skróty przeglądarki. Pierwszy element każdej strony to
        odnośnik „Przejdź do treści”. Listy podpowiedzi obsługuje się strzałkami, klawiszem Enter i klawiszem Escape.
      </p>

      <h2 id="a11y-kontakt">Informacje zwrotne i dane kontaktowe</h2>
      <p>
        W przypadku problemów z dostępnością serwisu prosimy o kontakt. Osobą kontaktową jest{' '}
        <span id="a11y-osoba">{contactName ?? 'osoba wskazana przez podmiot (zmienna ACCESSIBILITY_CONTACT_NAME)'}</span>, adres poczty
        elektronicznej{' '}
        {contactEmail ? (
          <a id="a11y-email" href={`mailto:${contactEmail}`}>
            {contactEmail}
          </a>
        ) : (
          <span id="a11y-email">do uzupełnienia (zmienna ACCESSIBILITY_CONTACT_EMAIL)</span>
        )}
        . Kontaktować można się także, dzwoniąc na numer telefonu{' '}
        <span id="a11y-telefon">{contactPhone ?? 'do uzupełnienia (zmienna ACCESSIBILITY_CONTACT_PHONE)'}</span>. Tą samą drogą można
        składać wnioski o udostępnienie informacji niedostępnej oraz żądania zapewnienia dostępności.
      </p>

      <h2 id="a11y-procedura">Procedura wnioskowo-skargowa</h2>
      <p>
        Każdy ma prawo do wystąpienia z żądaniem zapewnienia dostępności cyfrowej strony internetowej lub jej elementu. Można także zażądać
        udostępnienia informacji za pomocą alternatywnego sposobu dostępu, na przykład przez odczytanie niedostępnego cyfrowo dokumentu.
        Żądanie powinno zawierać dane osoby zgłaszającej żądanie, wskazanie, o którą stronę internetową chodzi, oraz sposób kontaktu. Jeżeli
        osoba żądająca zgłasza potrzebę otrzymania informacji za pomocą alternatywnego sposobu dostępu, powinna także określić dogodny dla
        niej sposób przedstawienia tej informacji.
      </p>
      <p>
        Podmiot publiczny zrealizuje żądanie niezwłocznie, nie później niż w ciągu 7 dni od dnia wystąpienia z żądaniem. Jeżeli dotrzymanie
        tego terminu nie jest możliwe, niezwłocznie poinformuje o tym wnoszącego żądanie i o tym, kiedy realizacja żądania będzie możliwa,
        przy czym termin ten nie może być dłuższy niż 2 miesiące od dnia wystąpienia z żądaniem. Jeżeli zapewnienie dostępności cyfrowej nie
        jest możliwe, podmiot publiczny może zaproponować alternatywny sposób dostępu do informacji.
      </p>
      <p>
        Jeżeli podmiot publiczny odmówi realizacji żądania zapewnienia dostępności lub alternatywnego sposobu dostępu do informacji,
        wnoszący żądanie może złożyć skargę na takie działanie do podmiotu publicznego. Po wyczerpaniu tej procedury można także złożyć
        wniosek do <a href={OMBUDSMAN_URL}>Rzecznika Praw Obywatelskich</a>.
      </p>

      <h2>Dostępność architektoniczna</h2>
      <p id="a11y-architektura" className="prewrap">
        {architecture ??
          'Opis dostępności architektonicznej budynków podmiotu uzupełnia podmiot prowadzący serwis (zmienna ACCESSIBILITY_ARCHITECTURE).'}
      </p>
    </article>
  )
}

function StatementEn({ address, entity, publishedOn, contactName, contactEmail, contactPhone, architecture }: Statement) {
  return (
    <article className="statement">
      <h1>Accessibility statement</h1>
      <p id="a11y-wstep">
        <span id="a11y-podmiot">{entity ?? 'The entity that runs this service (its name is set by ACCESSIBILITY_ENTITY)'}</span> is
        committed to making its website accessible in accordance with the Polish Act of 4 April 2019 on the digital accessibility of
        websites and mobile applications of public bodies. This statement applies to the Narada service at{' '}
        <a id="a11y-url" href={address}>
          {address}
        </a>
        .
      </p>
      <ul>
        <li>
          Date of publication of the website:{' '}
          <Day id="a11y-data-publikacja" day={publishedOn} missing="to be filled in (ACCESSIBILITY_PUBLISHED_ON)" />
        </li>
        <li>
          Date of the last significant update: <Day id="a11y-data-aktualizacja" day={PREPARED_ON} missing="" />
        </li>
      </ul>

      <h2 id="a11y-status">Compliance status</h2>
      <p>This website is partially compliant with the Act on digital accessibility because of the non-compliances and exemptions below.</p>
      <h3>Non-accessible content</h3>
      <ul>
        <li>
          The PDF files the service generates (agenda, attendance list, meeting minutes) are tagged (headings, paragraphs, tables with
          column headers, alternative text for the QR code), declare their language and title and conform to PDF/A-2b, but they have not
          been checked with a PDF/UA validator, so they may contain accessibility errors. The same content is available on the
          service&apos;s pages.
        </li>
        <li>
          The attendance list PDF has empty fields for handwritten signatures: it is meant to be printed, and attendance can also be read on
          the meeting&apos;s page.
        </li>
        <li>
          The automated tests do not cover every WCAG 2.1 criterion (for example, whether text entered by users, such as meeting topics and
          minutes, is easy to understand).
        </li>
      </ul>
      <h3>Exemptions</h3>
      <ul>
        <li>
          Presentations and attachments uploaded by meeting participants are third-party content that the entity neither produced nor funded
          and does not control. They may not be accessible; on request we will provide their content in another way.
        </li>
      </ul>

      <h2>Preparation of this statement</h2>
      <p>
        This statement was prepared on{' '}
        <time id="a11y-data-sporzadzenie" dateTime={PREPARED_ON}>
          {PREPARED_ON}
        </time>
        , based on a self-assessment by the public body. Every page that the automated browser tests visit is checked with axe-core (WCAG
        2.0 and 2.1, levels A and AA) and, at a width of 320 pixels, for horizontal scrolling. The browser tests operate forms, suggestion
        lists and navigation with the keyboard and check the pages with JavaScript turned off.
      </p>

      <h2>Keyboard shortcuts</h2>
      <p>
        The service adds no keyboard shortcuts of its own; the browser&apos;s usual shortcuts work. The first element of every page is a
        &quot;Skip to content&quot; link. Suggestion lists are operated with the arrow keys, Enter and Escape.
      </p>

      <h2 id="a11y-kontakt">Feedback and contact information</h2>
      <p>
        If you have a problem with the accessibility of this service, please contact{' '}
        <span id="a11y-osoba">{contactName ?? 'the person named by the entity (ACCESSIBILITY_CONTACT_NAME)'}</span> by e-mail at{' '}
        {contactEmail ? (
          <a id="a11y-email" href={`mailto:${contactEmail}`}>
            {contactEmail}
          </a>
        ) : (
          <span id="a11y-email">to be filled in (ACCESSIBILITY_CONTACT_EMAIL)</span>
        )}{' '}
        or by phone at <span id="a11y-telefon">{contactPhone ?? 'to be filled in (ACCESSIBILITY_CONTACT_PHONE)'}</span>. The same way you
        can ask for information that is not accessible and request that accessibility be ensured.
      </p>

      <h2 id="a11y-procedura">Requests and complaints</h2>
      <p>
        Everyone has the right to request that a website or a part of it be made digitally accessible, or that its information be provided
        in an alternative way, for example by reading out a document that is not accessible. The request should give the requester&apos;s
        details, the page concerned and how to reply; a requester who needs an alternative way of access should also say which form suits
        them.
      </p>
      <p>
        The public body fulfils the request without delay and no later than 7 days after it was made. If that is not possible, it tells the
        requester without delay when the request will be fulfilled, which may not be later than 2 months after the request was made. If
        digital accessibility cannot be ensured, the public body may offer an alternative way of access to the information.
      </p>
      <p>
        If the public body refuses the request for accessibility or for an alternative way of access, the requester may file a complaint
        with the public body. After that procedure, a request may also be filed with the{' '}
        <a href={OMBUDSMAN_URL}>Commissioner for Human Rights</a> (Rzecznik Praw Obywatelskich).
      </p>

      <h2>Architectural accessibility</h2>
      <p id="a11y-architektura" className="prewrap">
        {architecture ?? 'The entity that runs the service describes the accessibility of its buildings here (ACCESSIBILITY_ARCHITECTURE).'}
      </p>
    </article>
  )
}
